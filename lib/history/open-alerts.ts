import type { Database } from '@/lib/db/schema';
import type { OpenAlert } from '@/lib/history/alert-diff';
import { inChunks } from '@/lib/history/batch-writes';
import type { Kysely } from 'kysely';
import 'server-only';

// The alerts the database holds as open, one key_values row each, written in the same transaction
// as their events. Working this out from alert_events instead ("opened, and no resolved after it")
// means reading every event ever kept: minutes after a month of a busy fleet, at every restart.

export const OPEN_ALERT_PREFIX = 'history.alert.open:';

export async function loadOpenAlerts(db: Kysely<Database>): Promise<Map<string, OpenAlert>> {
  const rows = await db
    .selectFrom('key_values')
    .select(['key', 'value'])
    .where('key', 'like', `${OPEN_ALERT_PREFIX}%`)
    .execute();
  const open = new Map<string, OpenAlert>();
  for (const row of rows) {
    const alertId = row.key.slice(OPEN_ALERT_PREFIX.length);
    const value = JSON.parse(row.value) as Partial<OpenAlert>;
    open.set(alertId, {
      alertId,
      deviceId: String(value.deviceId ?? ''),
      openedAt: Number(value.openedAt ?? 0),
      severity: String(value.severity ?? ''),
      name: String(value.name ?? ''),
    });
  }
  return open;
}

export async function saveOpenAlerts(
  db: Kysely<Database>,
  changes: { opened: readonly OpenAlert[]; resolved: readonly string[] },
  now: number,
): Promise<number> {
  const rows = changes.opened.map((alert) => ({
    key: OPEN_ALERT_PREFIX + alert.alertId,
    value: JSON.stringify({
      deviceId: alert.deviceId,
      openedAt: alert.openedAt,
      severity: alert.severity,
      name: alert.name,
    }),
    updated_at: now,
  }));
  const written = await inChunks(rows, 3, (chunk) =>
    db
      .insertInto('key_values')
      .values(chunk)
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute(),
  );
  const keys = changes.resolved.map((id) => OPEN_ALERT_PREFIX + id);
  const removed = await inChunks(keys, 1, (chunk) =>
    db.deleteFrom('key_values').where('key', 'in', chunk).execute(),
  );
  return written + removed;
}
