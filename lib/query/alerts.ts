import type { AlertSort } from '@/lib/domain/alert-sort';
import type { AlertRow, Page } from '@/lib/domain/fleet';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';

export const ALERT_PAGE_SIZE = 100;
export const ALERTS_POLL_MS = 10_000;

/** Relative windows are resolved when the request is made, so the query key stays stable. */
export const ALERT_WINDOWS = { '1h': 1, '24h': 24, '7d': 24 * 7 } as const;
export type AlertWindow = keyof typeof ALERT_WINDOWS;

export interface AlertListParams {
  status: 'active' | 'resolved' | 'all';
  severity?: string[];
  group?: string;
  device?: string;
  window?: AlertWindow;
  q?: string;
  /** Unset: the server's default, most severe first. */
  sort?: AlertSort;
}

export function alertSearch(params: AlertListParams, now = Date.now()): URLSearchParams {
  const search = new URLSearchParams({ status: params.status });
  if (params.severity?.length) search.set('severity', params.severity.join(','));
  if (params.group) search.set('group', params.group);
  if (params.device) search.set('device', params.device);
  if (params.window) {
    search.set('since', new Date(now - ALERT_WINDOWS[params.window] * 3_600_000).toISOString());
  }
  if (params.q) search.set('q', params.q);
  if (params.sort && params.sort !== 'severity') search.set('sort', params.sort);
  return search;
}

const keyOf = (params: AlertListParams) => JSON.stringify(params);

export const alertListQuery = (params: AlertListParams, pageSize = ALERT_PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: queryKeys.alertList(`${keyOf(params)}#${pageSize}`),
    queryFn: ({ pageParam, signal }) => {
      const search = alertSearch(params);
      search.set('limit', String(pageSize));
      if (pageParam) search.set('cursor', pageParam);
      return fetchJson<Page<AlertRow>>(`/api/alerts?${search}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchInterval: ALERTS_POLL_MS,
  });

/** How many alerts match: one row asked for, `total` read. */
export const alertCountQuery = (params: AlertListParams) =>
  queryOptions({
    queryKey: queryKeys.alertCount(keyOf(params)),
    queryFn: async ({ signal }) => {
      const search = alertSearch(params);
      search.set('limit', '1');
      return (await fetchJson<Page<AlertRow>>(`/api/alerts?${search}`, { signal })).total;
    },
    placeholderData: keepPreviousData,
    refetchInterval: ALERTS_POLL_MS,
  });
