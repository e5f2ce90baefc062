import type { Store } from '@/lib/db/open';
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
