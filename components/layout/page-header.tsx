'use client';

import { Freshness } from '@/components/status/freshness';
import { SyncBanner } from '@/components/status/sync-banner';
import { fleetSummaryQuery } from '@/lib/query/fleet';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/**
 * Title, "updated 12 s ago" and the first-sync / stale banner: every page tells the user how fresh
 * its data is. The summary is polled anyway and carries the sync status for the whole fleet.
 */
export function PageHeader({
  title,
  eyebrow,
  children,
  actions,
}: {
  title: ReactNode;
  eyebrow?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const summary = useQuery(fleetSummaryQuery());
  const synced = summary.data?.syncedAt ? summary.data : undefined;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          {eyebrow ? <div className="mb-1 text-sm text-muted">{eyebrow}</div> : null}
          <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
          {children}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {actions}
          {summary.isError && !summary.data ? null : (
            <Freshness syncedAt={synced?.syncedAt} stale={synced?.stale} known={summary.data !== undefined} />
          )}
        </div>
      </div>
      <SyncBanner sync={summary.data?.sync} />
    </div>
  );
}
