'use client';

import { formatDistanceToNowStrict } from 'date-fns';
import { useEffect, useState } from 'react';

/** "updated 12 s ago", re-rendered every second so the age keeps moving between polls. */
export function Freshness({ syncedAt, stale }: { syncedAt: string | null | undefined; stale?: boolean }) {
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), 1_000);
    return () => clearInterval(id);
  }, []);
  if (!syncedAt) return <span className="text-sm text-muted">waiting for first sync…</span>;
  const at = new Date(syncedAt);
  return (
    <span
      className={stale ? 'text-sm font-medium text-critical' : 'text-sm text-muted'}
      data-testid="freshness"
    >
      <time dateTime={syncedAt} title={at.toLocaleString()} suppressHydrationWarning>
        updated {formatDistanceToNowStrict(at, { addSuffix: true })}
      </time>
      {stale ? ' (stale)' : null}
    </span>
  );
}
