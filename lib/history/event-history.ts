import type { Database } from '@/lib/db/schema';
import type { DeviceStatus } from '@/lib/domain/fleet';
import type { OpenAlert } from '@/lib/history/alert-diff';
import { OPEN_ALERT_PREFIX, saveOpenAlerts } from '@/lib/history/open-alerts';
import type { RecorderState } from '@/lib/history/recorder-state';
import type { Kysely } from 'kysely';
import 'server-only';

// One change Level announced by webhook, recorded when it happened (Level's `occurred_at`), not
// when the next sync would have noticed it. It goes through the same rows the sync's diff reads
// (open alerts, device states), so the sync that follows sees it as known and records nothing twice.

export type HistoryEvent =
  | { kind: 'alert_opened'; alert: Omit<OpenAlert, 'openedAt'>; at: number }
  | { kind: 'alert_resolved'; alertId: string; at: number }
  | { kind: 'device_status'; deviceId: string; status: DeviceStatus; at: number };

/** Writes the event; returns what the recorder's memory must learn once the transaction commits. */
export async function writeHistoryEvent(
  trx: Kysely<Database>,
  event: HistoryEvent,
): Promise<((state: RecorderState) => void) | null> {
  if (event.kind === 'alert_opened') {
    const known = await trx
      .selectFrom('key_values')
      .select('key')
      .where('key', '=', OPEN_ALERT_PREFIX + event.alert.alertId)
      .executeTakeFirst();
    if (known) return null;
    const opened: OpenAlert = { ...event.alert, openedAt: event.at };
    await trx
      .insertInto('alert_events')
      .values({
        alert_id: opened.alertId,
        device_id: opened.deviceId,
        kind: 'opened',
        at: event.at,
        severity: opened.severity,
        name: opened.name,
      })
      .execute();
    await saveOpenAlerts(trx, { opened: [opened], resolved: [] }, event.at);
    return (state) => void state.openAlerts.set(opened.alertId, opened);
  }
  if (event.kind === 'alert_resolved') {
    const row = await trx
      .selectFrom('key_values')
      .select('value')
      .where('key', '=', OPEN_ALERT_PREFIX + event.alertId)
      .executeTakeFirst();
    if (!row) return null;
    const open = JSON.parse(row.value) as Partial<OpenAlert>;
    await trx
      .insertInto('alert_events')
      .values({
        alert_id: event.alertId,
        device_id: String(open.deviceId ?? ''),
        kind: 'resolved',
        at: Math.max(event.at, Number(open.openedAt ?? 0)),
        severity: String(open.severity ?? ''),
        name: String(open.name ?? ''),
      })
      .execute();
    await saveOpenAlerts(trx, { opened: [], resolved: [event.alertId] }, event.at);
    return (state) => void state.openAlerts.delete(event.alertId);
  }
  const state = await trx
    .selectFrom('device_states')
    .selectAll()
    .where('device_id', '=', event.deviceId)
    .executeTakeFirst();
  // A device history has not met yet is the sync's to introduce; an unchanged status is no event.
  if (!state || state.status === event.status) return null;
  const at = Math.max(event.at, Number(state.since));
  await trx
    .insertInto('device_transitions')
    .values({ device_id: event.deviceId, at, from_status: state.status, to_status: event.status })
    .execute();
  await trx
    .updateTable('device_states')
    .set({ status: event.status, since: at })
    .where('device_id', '=', event.deviceId)
    .execute();
  return (memory) =>
    void memory.devices.set(event.deviceId, {
      status: event.status,
      since: at,
      seenAt: Number(state.seen_at),
    });
}
