import type { Store } from '@/lib/db/open';
import type { DeviceClass } from '@/lib/domain/availability';
import { inChunks } from '@/lib/history/batch-writes';
import 'server-only';

export interface RecordedState {
  status: 'online' | 'offline' | 'maintenance';
  /** Since when the device is in `status` (epoch ms). */
  since: number;
  /** When Levelboard first saw the device (epoch ms). */
  seenAt: number;
}

/** The recorded state of each of `ids` that Levelboard has seen. */
export async function readDeviceStates(
  store: Store,
  ids: readonly string[],
): Promise<Map<string, RecordedState>> {
  const out = new Map<string, RecordedState>();
  await inChunks(ids, 1, async (chunk) => {
    const rows = await store.db
      .selectFrom('device_states')
      .select(['device_id', 'status', 'since', 'seen_at'])
      .where('device_id', 'in', chunk)
      .execute();
    for (const row of rows)
      out.set(row.device_id, { status: row.status, since: Number(row.since), seenAt: Number(row.seen_at) });
  });
  return out;
}

/**
 * When Levelboard first saw any device: the devices of its first sync were there before it
 * started watching, so they are its starting inventory, not devices added to a client.
 */
export async function firstSightOfAny(store: Store): Promise<number | null> {
  const row = await store.db
    .selectFrom('device_states')
    .select((eb) => eb.fn.min('seen_at').as('first'))
    .executeTakeFirst();
  return row?.first === null || row?.first === undefined ? null : Number(row.first);
}

/** Since when each of `ids` is in its current client, where Levelboard recorded it. */
export async function readJoinedAt(store: Store, ids: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  await inChunks(ids, 1, async (chunk) => {
    const rows = await store.db
      .selectFrom('device_memberships')
      .select(['device_id', 'joined_at'])
      .where('device_id', 'in', chunk)
      .execute();
    for (const row of rows) out.set(row.device_id, Number(row.joined_at));
  });
  return out;
}

export interface Departure {
  deviceId: string;
  name: string;
  deviceClass: DeviceClass;
  joinedAt: number;
  leftAt: number;
  reason: 'removed' | 'moved';
}

/**
 * The devices that left a client (removed from Level or moved out of it) and either left within
 * [from, to) or joined within it: the report lists the first as removed and the second as added.
 */
export async function readDepartures(
  store: Store,
  clientId: string,
  from: number,
  to: number,
): Promise<Departure[]> {
  const rows = await store.db
    .selectFrom('client_departures')
    .select(['device_id', 'name', 'device_class', 'joined_at', 'left_at', 'reason'])
    .where('client_id', '=', clientId)
    .where((eb) =>
      eb.or([
        eb.and([eb('left_at', '>=', from), eb('left_at', '<', to)]),
        eb.and([eb('joined_at', '>=', from), eb('joined_at', '<', to)]),
      ]),
    )
    .orderBy('left_at')
    .execute();
  return rows.map((row) => ({
    deviceId: row.device_id,
    name: row.name,
    deviceClass: row.device_class,
    joinedAt: Number(row.joined_at),
    leftAt: Number(row.left_at),
    reason: row.reason,
  }));
}
