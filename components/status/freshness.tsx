'use client';

import { formatDistanceToNowStrict } from 'date-fns';
import { useEffect, useState } from 'react';

/**
 * "updated 12 s ago", re-rendered every second so the age keeps moving between polls.
 * `known`: the server has answered. Until then nothing is known about syncing (the page itself is
 * loading), so it says so; "waiting for first sync" only when the server said it has not synced.
 */
export function Freshness({
  syncedAt,
  stale,
  known = true,
}: {
  syncedAt: string | null | undefined;
  stale?: boolean;
  known?: boolean;
}) {
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), 1_000);
    return () => clearInterval(id);
  }, []);
  if (!known) {
    return (
      <span className="animate-pulse text-sm text-muted" data-testid="freshness-loading">
        loading…
      </span>
    );
  }
  if (!syncedAt) {
    return (
      <span className="text-sm text-muted" data-testid="freshness-first-sync">
        waiting for first sync…
      </span>
    );
  }
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
