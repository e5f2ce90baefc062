import { WallAge } from '@/components/wall/wall-age';
import { WallNumber } from '@/components/wall/wall-number';
import { WallPosture } from '@/components/wall/wall-posture';
import { clientHealth } from '@/lib/domain/client-health';
import type { ClientSummary, FleetSummary } from '@/lib/domain/fleet';
import { formatCount, formatPercent } from '@/lib/format';
import { format } from 'date-fns';

function SyncStrip({ summary, clients }: { summary: FleetSummary; clients: ClientSummary[] | undefined }) {
  const { sync } = summary;
  // "Need attention" is the red band only (lib/domain/client-health.ts), as on the client tiles.
  const attention = clients?.filter((client) => clientHealth(client.rollup).band === 'red').length;
  const items = [
    sync.stale ? 'Level API: not answering' : 'Level API: answering',
    sync.syncedAt ? `last sync ${format(Date.parse(sync.syncedAt), 'HH:mm:ss')}` : 'no sync yet',
    sync.lastDurationMs !== null ? `took ${(sync.lastDurationMs / 1_000).toFixed(1)} s` : null,
    sync.lastRequestCount !== null ? `${sync.lastRequestCount} requests` : null,
    sync.lastError ? `last error: ${sync.lastErrorKind ?? 'failed'}` : null,
    clients ? `${clients.length} clients, ${attention} need attention` : null,
  ].filter(Boolean);
  return (
    <div
      className="flex items-center gap-[1.5rem] rounded-[1rem] border border-line bg-sunken px-[1.5rem] py-[0.75rem] text-[1.5rem]"
      data-testid="wall-sync-strip"
    >
      <span
        aria-hidden
        className={
          sync.stale ? 'size-[1.1rem] rounded-full bg-critical' : 'size-[1.1rem] rounded-full bg-online'
        }
      />
      <p className="min-w-0 flex-1 truncate">{items.join(' · ')}</p>
    </div>
  );
}

/** Fleet status: device counts, health, alerts by severity, and how the link to Level is doing. */
export function WallFleet({
  summary,
  clients,
  old,
}: {
  summary: FleetSummary;
  clients: ClientSummary[] | undefined;
  old: boolean;
}) {
  const { devices, alerts, totals } = summary;
  const health = totals.healthScore;
  return (
    <section
      className="flex h-full flex-col gap-[1.25rem]"
      aria-label="Fleet status"
      data-testid="wall-fleet"
    >
      <div className="flex justify-end">
        <WallAge syncedAt={summary.syncedAt} old={old} testId="wall-age-fleet" />
      </div>
      <div className="grid min-h-0 flex-1 grid-cols-5 gap-[1.25rem]">
        <WallNumber
          label="Health"
          value={formatPercent(health)}
          tone={health === null ? 'neutral' : health >= 98 ? 'online' : health >= 90 ? 'warning' : 'critical'}
          lit={health !== null}
          hint="online, no critical alert"
          testId="wall-health"
        />
        <WallNumber
          label="Devices"
          value={formatCount(devices.total)}
          tone="neutral"
          lit={false}
          testId="wall-devices"
        />
        <WallNumber
          label="Online"
          value={formatCount(devices.online)}
          tone="online"
          lit={devices.online > 0}
        />
        <WallNumber
          label="Offline"
          value={formatCount(devices.offline)}
          tone="offline"
          lit={devices.offline > 0}
          hint={`${formatCount(totals.offlineServers)} server${totals.offlineServers === 1 ? '' : 's'}`}
          testId="wall-offline"
        />
        <WallNumber
          label="Maintenance"
          value={formatCount(devices.maintenance)}
          tone="maintenance"
          lit={devices.maintenance > 0}
        />
      </div>
      <div className="grid min-h-0 flex-1 grid-cols-5 gap-[1.25rem]">
        <WallNumber
          label="Servers offline"
          value={formatCount(totals.offlineServers)}
          tone="offline"
          lit={totals.offlineServers > 0}
          testId="wall-offline-servers"
        />
        <WallNumber
          label="Emergency"
          value={formatCount(alerts.active.emergency)}
          tone="emergency"
          lit={alerts.active.emergency > 0}
          testId="wall-alerts-emergency"
        />
        <WallNumber
          label="Critical"
          value={formatCount(alerts.active.critical)}
          tone="critical"
          lit={alerts.active.critical > 0}
          testId="wall-alerts-critical"
        />
        <WallNumber
          label="Warning"
          value={formatCount(alerts.active.warning)}
          tone="warning"
          lit={alerts.active.warning > 0}
          testId="wall-alerts-warning"
        />
        <WallNumber
          label="Information"
          value={formatCount(alerts.active.information)}
          tone="information"
          lit={alerts.active.information > 0}
          testId="wall-alerts-information"
        />
      </div>
      <WallPosture />
      <SyncStrip summary={summary} clients={clients} />
    </section>
  );
}
