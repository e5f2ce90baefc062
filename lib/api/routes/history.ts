import { readFleet, requireDevice } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { changesQuery, historyWindowQuery } from '@/lib/api/schemas/history';
import { json } from '@/lib/api/types';
import { InvalidInputError, NotFoundError } from '@/lib/domain/errors';
import type { Freshness } from '@/lib/domain/fleet';
import { deviceStatus } from '@/lib/domain/fleet';
import type { ChangeEvent, ChangesResponse, DeviceHistory, HistorySeries } from '@/lib/domain/history';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { InvalidHistoryWindow, type HistoryWindowInput } from '@/lib/history';
import { hiddenNamesOf, redactChange } from '@/lib/redaction/redact';
import { historyReader } from '@/lib/runtime/history';
import 'server-only';

const PRIVATE = { 'Cache-Control': 'private, no-cache', Vary: 'Cookie' };

async function orBadRequest<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof InvalidHistoryWindow)
      throw new InvalidInputError(`Invalid time window: ${error.message}.`);
    throw error;
  }
}

// Picked field by field: this once spread its freshness argument, and callers passed the whole
// fleet read (every device of every client) as "freshness".
async function series(scope: string, window: HistoryWindowInput, freshness: Freshness) {
  const data = await orBadRequest(historyReader().series(scope, window));
  const body: HistorySeries = {
    from: data.from,
    to: data.to,
    resolution: data.resolution,
    stepMs: data.stepMs,
    points: data.points,
    gaps: data.gaps,
    syncedAt: freshness.syncedAt,
    stale: freshness.stale,
  };
  return json(body, 200, PRIVATE);
}

function toChangeEvent(event: ChangeEvent): ChangeEvent {
  return {
    at: event.at,
    kind: event.kind,
    deviceId: event.deviceId,
    hostname: event.hostname,
    groupId: event.groupId,
    clientName: event.clientName,
    alertId: event.alertId,
    alertName: event.alertName,
    severity: event.severity,
  };
}

// For a viewer scoped to a group, "the fleet" is that group; a device-list scope has no fleet series.
export const fleetHistoryRoute = route('history.fleet', async (request, _params, access) => {
  const window = parseQuery(request, historyWindowQuery);
  const { stale, syncedAt, view } = readFleet(access);
  if (!view.historyScope) throw new NotFoundError('No fleet history for this link.');
  return series(view.historyScope, window, { stale, syncedAt });
});

export const groupHistoryRoute = route('history.group', async (request, params, access) => {
  const window = parseQuery(request, historyWindowQuery);
  const { stale, syncedAt, view } = readFleet(access);
  const id = params.id ?? '';
  if (!view.groupAllowed(id)) throw new NotFoundError(`No group with id "${id}".`);
  return series(id, window, { stale, syncedAt });
});

export const deviceHistoryRoute = route('history.device', async (request, params, access) => {
  const window = parseQuery(request, historyWindowQuery);
  const read = readFleet(access);
  const id = params.id ?? '';
  requireDevice(read, id);
  const { snapshot, stale, syncedAt } = read;
  const device = snapshot.deviceById.get(id);
  if (!device) throw new NotFoundError(`No device with id "${id}".`);
  const status = deviceStatus(device);
  const data = await orBadRequest(
    historyReader().device(id, window, { status, lastSeenAt: device.lastSeenAt }),
  );
  const body: DeviceHistory = {
    from: data.from,
    to: data.to,
    status: data.status ?? status,
    offlineSince: data.offlineSince,
    uptimePct: data.uptimePct,
    transitions: data.transitions,
    syncedAt,
    stale,
  };
  return json(body, 200, PRIVATE);
});

function describeDevice(snapshot: FleetSnapshot) {
  return (deviceId: string) => {
    const device = snapshot.deviceById.get(deviceId);
    if (!device) return null;
    const node = device.groupId ? snapshot.groupNodes.get(device.groupId) : undefined;
    const client = node ? snapshot.groupNodes.get(node.clientId) : undefined;
    return { hostname: device.hostname, groupId: node?.id ?? null, clientName: client?.name ?? null };
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const changesRoute = route('history.changes', async (request, _params, access) => {
  const query = parseQuery(request, changesQuery);
  const { snapshot, stale, syncedAt, view } = readFleet(access);
  const since = query.since ?? Date.now() - DAY_MS;
  if (!Number.isFinite(since)) throw new InvalidInputError('Invalid parameter "since".');
  const events = await historyReader().changes({
    since,
    limit: query.limit,
    include: view.deviceIdAllowed,
    describe: describeDevice(snapshot),
  });
  const shown = view.redact
    ? events.map((event) => redactChange(event, hiddenNamesOf(snapshot.deviceById.get(event.deviceId))))
    : events.map(toChangeEvent);
  const body: ChangesResponse = { events: shown, syncedAt, stale };
  return json(body, 200, PRIVATE);
});
