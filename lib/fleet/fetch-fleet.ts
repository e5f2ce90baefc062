import type { Alert, Tag } from '@/lib/domain/level';
import {
  checkedDeviceWalk,
  type CheckedWalk,
  type CheckedWalkOptions,
  type WalkCheck,
} from '@/lib/fleet/checked-walk';
import type { FleetData } from '@/lib/fleet/snapshot';
import type { LevelClient } from '@/lib/level';
import { isLevelApiError } from '@/lib/level/errors';
import 'server-only';

export interface FetchProgress {
  devicesFetched: number;
}

export interface PreviousFleet {
  active: readonly Alert[];
  recentResolved: readonly Alert[];
  /** Device ids in Level's list order from the last sync (null on the first). */
  deviceOrder: readonly string[] | null;
  /** Parallel slices for the device walk (the client's concurrency). */
  slices: number;
  /** Walk the device list serially this time (the periodic full walk). */
  serialWalk?: boolean;
}

export interface FetchedFleet {
  data: FleetData;
  /** How the device walk was checked against Level's counts. */
  check: WalkCheck;
}

/** How long a resolved alert stays in the "recently resolved" list. */
export const RESOLVED_RETENTION_MS = 24 * 60 * 60 * 1000;
/** Level has no "resolved since" filter; disappeared alerts are looked up one by one, up to this many. */
const MAX_RESOLVED_LOOKUPS = 50;
const MAX_RESOLVED_KEPT = 2_000;

/**
 * Level reports only the current state, so "recently resolved" is derived: alerts active in the
 * previous sync and gone now are fetched by id (bounded), the rest are marked resolved now.
 */
async function resolvedSince(
  client: LevelClient,
  previous: PreviousFleet,
  active: readonly Alert[],
  now: Date,
): Promise<Alert[]> {
  const stillActive = new Set(active.map((alert) => alert.id));
  const disappeared = previous.active.filter((alert) => !stillActive.has(alert.id));
  const resolved: Alert[] = [];
  for (const [index, alert] of disappeared.entries()) {
    if (index < MAX_RESOLVED_LOOKUPS) {
      try {
        const current = await client.alerts.get(alert.id);
        resolved.push(
          current.resolved ? current : { ...current, resolved: true, resolvedAt: now.toISOString() },
        );
        continue;
      } catch (error) {
        if (!isLevelApiError(error) || error.kind !== 'not_found') throw error;
      }
    }
    resolved.push({ ...alert, resolved: true, resolvedAt: now.toISOString() });
  }
  const cutoff = now.getTime() - RESOLVED_RETENTION_MS;
  const seen = new Set(resolved.map((alert) => alert.id));
  const kept = previous.recentResolved.filter(
    (alert) =>
      !seen.has(alert.id) && !stillActive.has(alert.id) && Date.parse(alert.resolvedAt ?? '') >= cutoff,
  );
  return [...resolved, ...kept]
    .sort((a, b) => Date.parse(b.resolvedAt ?? '') - Date.parse(a.resolvedAt ?? ''))
    .slice(0, MAX_RESOLVED_KEPT);
}

/**
 * One full walk of Level (there is no delta API): devices (cross-checked against the groups'
 * counts, see checked-walk.ts), groups, active alerts, tags.
 */
export async function fetchFleet(
  client: LevelClient,
  previous: PreviousFleet,
  onProgress: (progress: FetchProgress) => void,
  now: () => Date = () => new Date(),
  log?: CheckedWalkOptions['log'],
): Promise<FetchedFleet> {
  const [walk, activeAlerts, tags]: [CheckedWalk, Alert[], Tag[]] = await Promise.all([
    checkedDeviceWalk(client, {
      previousOrder: previous.deviceOrder,
      previousCount: previous.deviceOrder?.length ?? null,
      slices: previous.slices,
      serial: previous.serialWalk ?? false,
      onDevice: (devicesFetched) => onProgress({ devicesFetched }),
      log,
    }),
    client.alerts.listAll({ status: 'active' }),
    client.tags.listAll(),
  ]);
  const recentResolvedAlerts = await resolvedSince(client, previous, activeAlerts, now());
  const { devices, groups } = walk;
  return { data: { devices, groups, activeAlerts, recentResolvedAlerts, tags }, check: walk.check };
}
