'use client';

import { useNotify } from '@/components/actions/notices';
import { refreshAfterAction, type ActionCapabilities, type Rollback } from '@/lib/query/actions';
import { LevelboardApiError } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';

export interface ActionSpec<Input, Output> {
  run: (input: Input) => Promise<Output>;
  /** Edits the cache as if the action had succeeded; returns how to undo it. */
  optimistic?: (queryClient: QueryClient, input: Input) => Rollback;
  success: (output: Output, input: Input) => string;
  /** Names the action in a failure message, e.g. "Renaming the group". */
  failure: string;
}

/**
 * One admin action as a react-query mutation: optimistic cache edit, rollback and a clear message
 * on failure, a fresh read of everything the server re-derived on success. A "read-only key"
 * refusal also disables every other action on the page.
 */
export function useAction<Input, Output>(spec: ActionSpec<Input, Output>) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation<Output, Error, Input, { rollback?: Rollback }>({
    mutationFn: spec.run,
    onMutate: (input) => ({ rollback: spec.optimistic?.(queryClient, input) }),
    onError: (error, _input, context) => {
      context?.rollback?.();
      if (error instanceof LevelboardApiError && error.code === 'level_read_only') {
        queryClient.setQueryData<ActionCapabilities>(queryKeys.actionCapabilities(), {
          writeAccess: 'read_only',
          message: error.message,
        });
      }
      notify({ kind: 'error', text: `${spec.failure} failed: ${error.message}` });
    },
    onSuccess: (output, input) => notify({ kind: 'ok', text: spec.success(output, input) }),
    onSettled: () => refreshAfterAction(queryClient),
  });
}
