'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

/**
 * Page state kept in the query string, so any view can be bookmarked and shared. Updates go
 * through history.replaceState, which Next syncs into useSearchParams without a server round trip.
 */
export function useUrlState<T>(
  parse: (search: URLSearchParams) => T,
  serialize: (state: T) => URLSearchParams,
): [T, (patch: Partial<T>) => void] {
  const searchParams = useSearchParams();
  const state = useMemo(() => parse(new URLSearchParams(searchParams.toString())), [parse, searchParams]);
  const update = useCallback(
    (patch: Partial<T>) => {
      const current = parse(new URLSearchParams(window.location.search));
      const search = serialize({ ...current, ...patch }).toString();
      if (search === window.location.search.replace(/^\?/, '')) return;
      window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
    },
    [parse, serialize],
  );
  return [state, update];
}
