'use client';

import { actionApi, markAcknowledged } from '@/lib/query/actions';
import { queryKeys } from '@/lib/query/keys';
import { problemRefsOf } from '@/lib/wall/problems';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';

export type AcknowledgeKeyState = 'idle' | 'sending' | 'failed';

/**
 * On a wall the admin opened (never a wall link: the server refuses those anyway), the `a` key
 * acknowledges what the hold shows. The wall's problems are edited at once, so the engine releases
 * the hold on this render, and read again for the server's word.
 */
export function useAcknowledgeKey(enabled: boolean, heldKeys: readonly string[] | null): AcknowledgeKeyState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AcknowledgeKeyState>('idle');
  const held = useRef(heldKeys);
  useEffect(() => {
    held.current = heldKeys;
  }, [heldKeys]);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'a' || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const refs = problemRefsOf(held.current ?? []);
      if (refs.length === 0) return;
      event.preventDefault();
      setState('sending');
      const rollback = markAcknowledged(queryClient, refs, { note: null, at: new Date().toISOString() });
      actionApi.acknowledge(refs, '').then(
        () => setState('idle'),
        () => {
          rollback();
          setState('failed');
        },
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.wallProblems() });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, queryClient]);
  return state;
}
