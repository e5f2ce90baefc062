import { readFleet } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { postureQuery } from '@/lib/api/schemas/posture';
import { json } from '@/lib/api/types';
import { getStore } from '@/lib/db/instance';
import type { Device } from '@/lib/domain/device';
import { NotFoundError } from '@/lib/domain/errors';
import type {
  ClientPostureResponse,
  DevicePosture,
  PostureDeviceRow,
  PostureFigures,
  PostureSummaryResponse,
} from '@/lib/domain/posture';
import { isHighRisk } from '@/lib/domain/posture';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { toDevicePosture, toRowPosture } from '@/lib/posture/derive';
import { addPosture, emptyFigures } from '@/lib/posture/figures';
import { readPostureTrend } from '@/lib/posture/report-source';
import { pseudonym } from '@/lib/redaction/redact';
import { postureCacheNow, updatesAvailability } from '@/lib/runtime/posture';
import 'server-only';

const PRIVATE = { 'Cache-Control': 'private, no-cache', Vary: 'Cookie' };
const DAY_MS = 86_400_000;
const MAX_DEVICES = 50;

type Allowed = (device: Device, index: number) => boolean;

function postureOf(device: Device): DevicePosture {
  return (
    postureCacheNow()?.posture(device) ??
    toDevicePosture({
      security: null,
      securitySyncedAt: null,
      patches: null,
      patchesSyncedAt: null,
      fallbackScore: device.securityScore,
    })
  );
}

function figuresOf(snapshot: FleetSnapshot, indexes: Iterable<number>, allowed: Allowed): PostureFigures {
  const figures = emptyFigures();
  for (const index of indexes) {
    const device = snapshot.devices[index];
    if (device && allowed(device, index)) addPosture(figures, postureOf(device));
  }
  return figures;
}

/** The last `days` UTC days, today included. */
function trendPeriod(days: number, now: number) {
  const end = Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
  return { start: end - days * DAY_MS, end };
}

/** A device's problem weight, for "worst first": failed updates, then risk, then the rest. */
function weight(p: DevicePosture): number {
  return (
    (p.patches?.failed ? 16 : 0) +
    (isHighRisk(p.risk) ? 8 : 0) +
    (p.antivirus === 'bad' ? 4 : 0) +
    (p.osEndOfLife ? 2 : 0) +
    (p.encrypted === false || p.firewallEnabled === false || (p.patches?.pending ?? 0) > 0 ? 1 : 0)
  );
}

export const postureSummaryRoute = route('posture.summary', async (request, _params, access) => {
  const { days } = parseQuery(request, postureQuery);
  const { snapshot, stale, syncedAt, view } = readFleet(access);
  const all = snapshot.devices.map((_, i) => i);
  const clients = view.clients.map((client) => ({
    id: client.id,
    name: client.name,
    figures: figuresOf(snapshot, snapshot.subtreeDevices.get(client.id) ?? [], view.deviceAllowed),
  }));
  // Daily samples exist for the fleet and for clients; a narrower scope has no series.
  const scope = view.historyScope;
  const sampled = scope === 'fleet' || (scope !== null && snapshot.clientIds.includes(scope));
  const trend = sampled ? await readPostureTrend(await getStore(), scope, trendPeriod(days, Date.now())) : [];
  const body: PostureSummaryResponse = {
    figures: figuresOf(snapshot, all, view.deviceAllowed),
    clients,
    trend,
    updates: updatesAvailability()?.state ?? null,
    syncedAt,
    stale,
  };
  return json(body, 200, PRIVATE);
});

export const clientPostureRoute = route('posture.client', async (request, params, access) => {
  const { days } = parseQuery(request, postureQuery);
  const { snapshot, stale, syncedAt, view } = readFleet(access);
  const id = params.id ?? '';
  const node = snapshot.groupNodes.get(id);
  // Not a client, or not one this caller sees whole: the same 404 either way.
  if (!node || !snapshot.clientIds.includes(id) || !view.groupAllowed(id))
    throw new NotFoundError(`No client with id "${id}".`);
  const indexes = (snapshot.subtreeDevices.get(id) ?? []).filter((i) => {
    const device = snapshot.devices[i];
    return device !== undefined && view.deviceAllowed(device, i);
  });
  const figures = emptyFigures();
  const rows: Array<{ row: PostureDeviceRow; weight: number }> = [];
  for (const index of indexes) {
    const device = snapshot.devices[index] as Device;
    const p = postureOf(device);
    addPosture(figures, p);
    const columns = toRowPosture(p);
    rows.push({
      weight: weight(p),
      row: {
        id: device.id,
        name: view.redact ? pseudonym(device.id) : device.displayName,
        securityScore: p.securityScore,
        securityPending: p.patches?.securityPending ?? null,
        oldestPendingAt: p.patches?.oldestPendingAt ?? null,
        patch: columns.patch,
        pendingUpdates: columns.pendingUpdates,
        failedUpdates: columns.failedUpdates,
        risk: columns.risk,
        antivirus: columns.antivirus,
        firewallEnabled: columns.firewallEnabled,
        encrypted: columns.encrypted,
        osEndOfLife: columns.osEndOfLife,
      },
    });
  }
  rows.sort((a, b) => b.weight - a.weight || a.row.name.localeCompare(b.row.name));
  const body: ClientPostureResponse = {
    client: { id, name: node.name },
    figures,
    trend: await readPostureTrend(await getStore(), id, trendPeriod(days, Date.now())),
    devices: rows.slice(0, MAX_DEVICES).map((r) => r.row),
    syncedAt,
    stale,
  };
  return json(body, 200, PRIVATE);
});
