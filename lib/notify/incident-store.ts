import type { Database } from '@/lib/db/schema';
import type { SignalDetail } from '@/lib/domain/notifications';
import type { Incident } from '@/lib/notify/plan';
import type { Kysely } from 'kysely';
import 'server-only';

// notification_incidents rows ⇄ the planner's Incident.

type Db = Kysely<Database>;

// The leader reads every incident at each evaluation; most details have not changed since the last
// one, so their parsed form is kept (bounded: dropped whole when it grows past any real fleet).
const parsed = new Map<string, SignalDetail>();

function parsedDetail(json: string): SignalDetail {
  let detail = parsed.get(json);
  if (!detail) {
    if (parsed.size > 200_000) parsed.clear();
    detail = JSON.parse(json) as SignalDetail;
    parsed.set(json, detail);
  }
  return detail;
}

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
    detail: parsedDetail(row.detail),
    detailJson: row.detail,
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
      detail: incident.detailJson,
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
