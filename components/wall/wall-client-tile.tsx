import { STRIPE_TONE, TILE_TONE, clientTone } from '@/components/wall/wall-tones';
import { clientHealth } from '@/lib/domain/client-health';
import type { ClientSummary } from '@/lib/domain/fleet';
import { formatCount, formatPercent, onlinePct } from '@/lib/format';
import clsx from 'clsx';

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * The worst thing first (the severity-first rule), then what else is wrong. Counts come from the
 * same facts as the problems list and the hold (alerts on monitored devices), so a tile never
 * says "3 warnings" about a client whose device the hold calls critical.
 */
export function clientHeadline(client: ClientSummary): { headline: string; detail: string[] } {
  const { rollup } = client;
  const alerts = rollup.monitoredAlerts;
  const monitored = rollup.devices.total - rollup.devices.maintenance;
  if (rollup.devices.total === 0) return { headline: 'No devices', detail: [] };
  const { band } = clientHealth(rollup);
  const parts = [
    alerts.emergency ? plural(alerts.emergency, 'emergency', 'emergencies') : null,
    alerts.critical ? `${formatCount(alerts.critical)} critical` : null,
    rollup.offlineServers ? plural(rollup.offlineServers, 'server offline', 'servers offline') : null,
    // A client short of devices says how many, before its warnings.
    band !== 'green' && rollup.devices.offline
      ? `${formatCount(rollup.devices.offline)} of ${formatCount(monitored)} offline`
      : null,
    alerts.warning ? plural(alerts.warning, 'warning', 'warnings') : null,
  ].filter((part): part is string => part !== null);
  const online = `${formatCount(rollup.devices.online)} / ${formatCount(monitored)} online`;
  const [headline, ...rest] = parts;
  // Green: the share online leads; a warning or two stays a detail, not the headline.
  if (!headline || band === 'green')
    return { headline: `${formatPercent(onlinePct(rollup))} online`, detail: [...parts, online] };
  return { headline, detail: [...rest, online] };
}

/**
 * One client, coloured by its health band (lib/domain/client-health.ts). The tile is a size
 * container, so its text scales with the tile (cqw/cqh) whether the grid has 4 tiles or many; the
 * floors (name 1.75rem, detail 1.25rem: 28 and 20 px at 1080p) are what reads across a room, and
 * the grid never makes a tile smaller than they need (`TILE_MIN_REM`, lib/wall/grid.ts).
 */
export function WallClientTile({ client, isNew }: { client: ClientSummary; isNew: boolean }) {
  const tone = clientTone(client);
  const { headline, detail } = clientHeadline(client);
  return (
    <li
      className={clsx(
        '[container-type:size] relative min-h-0 min-w-0 flex-1 overflow-hidden rounded-[1rem] border-[0.15rem]',
        TILE_TONE[tone],
        isNew && 'wall-attention',
      )}
      data-testid="wall-client-tile"
      data-client-id={client.id}
      data-tone={tone}
      data-band={clientHealth(client.rollup).band}
      data-new={isNew}
    >
      <span
        aria-hidden
        className={clsx('absolute inset-y-0 left-0 w-[clamp(0.4rem,2cqw,0.6rem)]', STRIPE_TONE[tone])}
      />
      <div className="flex h-full flex-col justify-between py-[6cqh] pr-[min(4cqw,1.5rem)] pl-[min(6cqw,2rem)]">
        <div className="flex items-start justify-between gap-[3cqw]">
          <p
            className="line-clamp-2 text-[clamp(1.75rem,min(16cqh,8cqw),3.5rem)] leading-[1.2] font-semibold break-words"
            data-wall-text="name"
          >
            {client.name}
          </p>
          {isNew ? (
            <span className="shrink-0 rounded-full bg-critical px-[3cqw] text-[clamp(1rem,min(10cqh,5cqw),1.75rem)] font-bold text-surface">
              NEW
            </span>
          ) : null}
        </div>
        <p className="truncate text-[clamp(1.5rem,min(20cqh,8cqw),4.5rem)] leading-[1.25] font-bold tabular-nums">
          {headline}
        </p>
        <p
          className="line-clamp-2 text-[clamp(1.25rem,min(12cqh,6cqw),2rem)] leading-[1.2] text-muted tabular-nums"
          data-wall-text="detail"
        >
          {detail.join(' · ')}
        </p>
      </div>
    </li>
  );
}
