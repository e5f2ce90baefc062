import type { Database } from '@/lib/db/schema';
import type { SignalDetail } from '@/lib/domain/notifications';
import type { Incident } from '@/lib/notify/plan';
import type { Kysely } from 'kysely';
import 'server-only';

// notification_incidents rows ⇄ the planner's Incident.

type Db = Kysely<Database>;

export async function loadIncidents(db: Db): Promise<Incident[]> {
  const rows = await db.selectFrom('notification_incidents').selectAll().execute();
  return rows.map((row) => ({
    id: row.id,
    ruleId: row.rule_id,
    signalKey: row.signal_key,
    kind: row.kind,
    since: row.since,
    detectedAt: row.detected_at,
    notifiedAt: row.notified_at,
    lastSentAt: row.last_sent_at,
    resolvedAt: row.resolved_at,
    detail: JSON.parse(row.detail) as SignalDetail,
  }));
}

const CHUNK = 200;

export async function upsertIncidents(db: Db, incidents: readonly Incident[]): Promise<void> {
  for (let start = 0; start < incidents.length; start += CHUNK) {
    const values = incidents.slice(start, start + CHUNK).map((incident) => ({
      id: incident.id,
      rule_id: incident.ruleId,
      signal_key: incident.signalKey,
      kind: incident.kind,
      since: incident.since,
      detected_at: incident.detectedAt,
      notified_at: incident.notifiedAt,
      last_sent_at: incident.lastSentAt,
      resolved_at: incident.resolvedAt,
      recovery_sent_at: null,
      detail: JSON.stringify(incident.detail),
    }));
    await db
      .insertInto('notification_incidents')
      .values(values)
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          notified_at: eb.ref('excluded.notified_at'),
          last_sent_at: eb.ref('excluded.last_sent_at'),
          resolved_at: eb.ref('excluded.resolved_at'),
          detail: eb.ref('excluded.detail'),
        })),
      )
      .execute();
  }
}

export async function deleteIncidents(db: Db, ids: readonly string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += CHUNK) {
    await db
      .deleteFrom('notification_incidents')
      .where('id', 'in', ids.slice(start, start + CHUNK))
      .execute();
  }
}
