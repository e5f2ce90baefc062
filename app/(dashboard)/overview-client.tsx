'use client';

import { Freshness } from '@/components/status/freshness';
import { SeverityTiles } from '@/components/status/severity-tiles';
import { StatTile } from '@/components/status/stat-tile';
import { SyncBanner } from '@/components/status/sync-banner';
import { ErrorPanel } from '@/components/ui/error-panel';
import { fleetSummaryQuery } from '@/lib/query/fleet';
import { useQuery } from '@tanstack/react-query';

export function OverviewClient() {
  const summary = useQuery(fleetSummaryQuery());
  // Before the first sync the server answers zeros; show skeletons rather than a fleet of 0.
  const data = summary.data?.syncedAt ? summary.data : undefined;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Fleet overview</h1>
        <Freshness syncedAt={data?.syncedAt} stale={data?.stale} />
      </div>
      <SyncBanner sync={summary.data?.sync} />
      {summary.isError && !data ? (
        <ErrorPanel message={summary.error.message} onRetry={() => void summary.refetch()} />
      ) : null}
      <section aria-labelledby="devices-heading">
        <h2 id="devices-heading" className="mb-3 text-sm font-semibold tracking-wide text-muted uppercase">
          Devices
        </h2>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatTile label="Total" value={data?.devices.total} testId="tile-total" />
          <StatTile label="Online" value={data?.devices.online} tone="online" testId="tile-online" />
          <StatTile label="Offline" value={data?.devices.offline} tone="offline" testId="tile-offline" />
          <StatTile
            label="Maintenance"
            value={data?.devices.maintenance}
            tone="maintenance"
            testId="tile-maintenance"
          />
        </div>
      </section>
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading" className="mb-3 text-sm font-semibold tracking-wide text-muted uppercase">
          Active alerts
        </h2>
        <SeverityTiles counts={data?.alerts.active} />
      </section>
    </div>
  );
}
