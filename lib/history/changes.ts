import type { Database } from '@/lib/db/schema';
import type { DeviceStatus } from '@/lib/domain/fleet';
import type { ChangeEvent, ChangeKind } from '@/lib/domain/history';
import type { Kysely } from 'kysely';
import 'server-only';

export interface ChangesQuery {
  /** Epoch ms; events at or after it. */
  since: number;
  /** Epoch ms; events at or before it (default: no bound). */
  until?: number;
  limit: number;
  /** Keep only some devices (a viewer's scope); applied before the limit. */
  include?: (deviceId: string) => boolean;
  /** Hostname, group and client of a device, from the current snapshot; null if unknown. */
  describe?: (
    deviceId: string,
  ) => { hostname: string; groupId: string | null; clientName: string | null } | null;
}

export function changeKind(from: DeviceStatus | null, to: DeviceStatus): ChangeKind {
  if (to === 'maintenance') return 'maintenance_on';
  if (from === 'maintenance') return 'maintenance_off';
  return to === 'online' ? 'device_online' : 'device_offline';
}

interface Pending {
  at: number;
  id: number;
  kind: ChangeKind;
  deviceId: string;
  alert: { id: string; name: string; severity: string } | null;
}

const BATCH = 500;

/** Device transitions and alert events, newest first, read in batches until `limit` pass `include`. */
export async function readChanges(db: Kysely<Database>, query: ChangesQuery): Promise<ChangeEvent[]> {
  // Unfiltered, `limit` rows per table suffice; a filter may drop many, so read bigger batches.
  const batch = query.include ? BATCH : Math.max(1, Math.min(BATCH, query.limit));
  const fetchTransitions = async (before: Pending | null): Promise<Pending[]> => {
    let q = db.selectFrom('device_transitions').selectAll().where('at', '>=', query.since);
    if (query.until !== undefined) q = q.where('at', '<=', query.until);
    if (before)
      q = q.where((eb) =>
        eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
      );
    const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(batch).execute();
    return rows.map((row) => ({
      at: row.at,
      id: Number(row.id),
      kind: changeKind(row.from_status, row.to_status),
      deviceId: row.device_id,
      alert: null,
    }));
  };
  const fetchAlerts = async (before: Pending | null): Promise<Pending[]> => {
    let q = db.selectFrom('alert_events').selectAll().where('at', '>=', query.since);
    if (query.until !== undefined) q = q.where('at', '<=', query.until);
    if (before)
      q = q.where((eb) =>
        eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
      );
    const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(batch).execute();
    return rows.map((row) => ({
      at: row.at,
      id: Number(row.id),
      kind: row.kind === 'opened' ? 'alert_opened' : 'alert_resolved',
      deviceId: row.device_id,
      alert: { id: row.alert_id, name: row.name, severity: row.severity },
    }));
  };

  const streams = [
    { fetch: fetchTransitions, buffer: [] as Pending[], done: false, last: null as Pending | null },
    { fetch: fetchAlerts, buffer: [] as Pending[], done: false, last: null as Pending | null },
  ];
  const out: ChangeEvent[] = [];
  while (out.length < query.limit) {
    for (const stream of streams) {
      if (stream.buffer.length > 0 || stream.done) continue;
      const rows = await stream.fetch(stream.last);
      stream.buffer = rows;
      stream.last = rows.at(-1) ?? stream.last;
      stream.done = rows.length < batch;
    }
    const heads = streams.filter((stream) => stream.buffer.length > 0);
    if (heads.length === 0) break;
    const newest = heads.reduce((a, b) =>
      (b.buffer[0]?.at ?? -Infinity) > (a.buffer[0]?.at ?? -Infinity) ? b : a,
    );
    const next = newest.buffer.shift();
    if (!next || (query.include && !query.include(next.deviceId))) continue;
    const device = query.describe?.(next.deviceId) ?? null;
    out.push({
      at: new Date(next.at).toISOString(),
      kind: next.kind,
      deviceId: next.deviceId,
      hostname: device?.hostname ?? null,
      groupId: device?.groupId ?? null,
      clientName: device?.clientName ?? null,
      alertId: next.alert?.id ?? null,
      alertName: next.alert?.name ?? null,
      severity: next.alert?.severity ?? null,
    });
  }
  return out;
}
