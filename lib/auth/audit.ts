import type { Store } from '@/lib/db/open';
import 'server-only';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  result: 'ok' | 'denied' | 'failed';
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends to the admin audit log. Callers pass only non-secret detail (names, counts, ids). */
export async function audit(store: Store, entry: AuditEntry, now = Date.now()): Promise<void> {
  await store.db
    .insertInto('audit_log')
    .values({
      at: now,
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? null,
      result: entry.result,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      ip: entry.ip ?? null,
    })
    .execute();
}

export async function listAudit(store: Store, limit = 200) {
  const rows = await store.db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, detail: row.detail ? (JSON.parse(row.detail) as unknown) : null }));
}
