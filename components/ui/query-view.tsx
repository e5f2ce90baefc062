import { ErrorPanel } from '@/components/ui/error-panel';
import type { ReactNode } from 'react';

/**
 * Loading, error, empty and data states of one query in one place, so every panel handles all
 * four. A failed refetch keeps showing the last data (the stale banner says why).
 */
export function QueryView<T>({
  query,
  skeleton,
  empty,
  isEmpty = (data) => data === null || data === undefined,
  children,
}: {
  query: {
    data: T | undefined;
    isPending: boolean;
    isError: boolean;
    error: Error | null;
    refetch: () => unknown;
  };
  skeleton: ReactNode;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: NonNullable<T>) => ReactNode;
}) {
  if (query.isPending) return <>{skeleton}</>;
  if (query.isError && query.data === undefined) {
    return (
      <ErrorPanel message={query.error?.message ?? 'Unknown error'} onRetry={() => void query.refetch()} />
    );
  }
  const data = query.data as T;
  if (isEmpty(data) || data === null || data === undefined) return <>{empty ?? null}</>;
  return <>{children(data as NonNullable<T>)}</>;
}
