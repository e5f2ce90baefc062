import { actorOf } from '@/lib/auth/actor';
import type { Access } from '@/lib/auth/scope';
import type { Store } from '@/lib/db/open';
import 'server-only';

export interface AuditEntry {
  actor: string;
  /** The person's user id, `break-glass`, or absent (links, anonymous). */
  actorId?: string | null;
  action: string;
  target?: string | null;
  result: 'ok' | 'denied' | 'failed';
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends to the admin audit log and returns the row's id. Callers pass only non-secret detail. */
export async function audit(store: Store, entry: AuditEntry, now = Date.now()): Promise<number> {
  const row = await store.db
    .insertInto('audit_log')
    .values({
      at: now,
      actor: entry.actor,
      actor_id: entry.actorId ?? null,
      action: entry.action,
      target: entry.target ?? null,
      result: entry.result,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      ip: entry.ip ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Appends an entry under a named actor (a person signing in, before any access exists). */
export function auditBy(
  store: Store,
  who: { actor: string; actorId: string | null },
  entry: Omit<AuditEntry, 'actor' | 'actorId'>,
): Promise<number> {
  return audit(store, {
    actor: who.actor,
    actorId: who.actorId,
    action: entry.action,
    target: entry.target,
    result: entry.result,
    detail: entry.detail,
    ip: entry.ip,
  });
}

/** Appends an entry naming whoever `access` is (lib/auth/actor.ts). */
export const auditAs = (store: Store, access: Access, entry: Omit<AuditEntry, 'actor' | 'actorId'>) =>
  auditBy(store, actorOf(access), entry);

/** Replaces an entry's detail (a count that grew: see lib/auth/denied-attempts.ts). */
export async function updateAuditDetail(store: Store, id: number, detail: Record<string, unknown>) {
  await store.db
    .updateTable('audit_log')
    .set({ detail: JSON.stringify(detail) })
    .where('id', '=', id)
    .execute();
}

/** Deletes entries older than `retentionDays`; returns how many. */
export async function pruneAudit(store: Store, retentionDays: number, now = Date.now()): Promise<number> {
  const result = await store.db
    .deleteFrom('audit_log')
    .where('at', '<', now - retentionDays * 86_400_000)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Everyone with entries (a person or the break-glass admin), under the latest name recorded. */
export async function auditPeople(store: Store): Promise<{ id: string; label: string }[]> {
  const latest = await store.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('actor_id', 'is not', null)
    .groupBy('actor_id')
    .execute();
  const ids = latest.map((row) => Number(row.id));
  if (ids.length === 0) return [];
  const rows = await store.db
    .selectFrom('audit_log')
    .select(['actor_id', 'actor'])
    .where('id', 'in', ids)
    .execute();
  return rows
    .flatMap((row) => (row.actor_id ? [{ id: row.actor_id, label: row.actor }] : []))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Newest first; only one person's entries when `actorId` is given. */
export async function listAudit(store: Store, limit = 200, actorId?: string) {
  let query = store.db.selectFrom('audit_log').selectAll();
  if (actorId !== undefined) query = query.where('actor_id', '=', actorId);
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({ ...row, detail: row.detail ? (JSON.parse(row.detail) as unknown) : null }));
}
