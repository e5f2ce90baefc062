'use client';

import { useNow } from '@/lib/wall/hooks/use-now';
import clsx from 'clsx';
import { format } from 'date-fns';

const age = (ms: number) => {
  const seconds = Math.max(0, Math.round(ms / 1_000));
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
};

/**
 * How old the data on a panel is, from its own `syncedAt`: it keeps counting when the server or the
 * network stops answering, and turns amber while the data is known to be out of date (`old`).
 */
export function WallAge({
  syncedAt,
  old,
  testId,
}: {
  syncedAt: string | null | undefined;
  old: boolean;
  testId?: string;
}) {
  const now = useNow();
  if (!syncedAt) return null;
  const at = Date.parse(syncedAt);
  return (
    <span
      className={clsx('text-[1.125rem] tabular-nums', old ? 'font-semibold text-warning' : 'text-muted')}
      data-testid={testId}
      data-old={old}
    >
      data {format(at, 'HH:mm:ss')} · {age(now - at)} old
    </span>
  );
}

export const formatAge = age;
