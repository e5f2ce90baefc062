import { listAudit } from '@/lib/auth/audit';
import type { Store } from '@/lib/db/open';
import type { AuditEntryView } from '@/lib/domain/admin';
import 'server-only';

// The audit log as the admin reads it: link ids (in the actor `link:<id>` and in the target of
// `share_link.*` entries) resolved to the links' names on the server, the ids kept beside them.

const LINK_ACTOR = /^link:(.+)$/;
const linkTarget = (entry: { action: string; target: string | null }) =>
  entry.action.startsWith('share_link.') ? entry.target : null;

/** `actorId`: one person's entries only (a user id, or `break-glass`). */
export async function listAuditView(
  store: Store,
  limit?: number,
  actorId?: string,
): Promise<AuditEntryView[]> {
  const entries = await listAudit(store, limit, actorId);
  const ids = new Set<string>();
  for (const entry of entries) {
    const actorLink = LINK_ACTOR.exec(entry.actor)?.[1];
    if (actorLink) ids.add(actorLink);
    const target = linkTarget(entry);
    if (target) ids.add(target);
  }
  const names = new Map<string, string>();
  if (ids.size > 0) {
    const rows = await store.db
      .selectFrom('share_links')
      .select(['id', 'name'])
      .where('id', 'in', [...ids])
      .execute();
    for (const row of rows) names.set(row.id, row.name);
  }
  const linkName = (id: string) => names.get(id) ?? 'deleted link';
  return entries.map((entry) => {
    const actorLink = LINK_ACTOR.exec(entry.actor)?.[1];
    const target = linkTarget(entry);
    return {
      id: entry.id,
      at: entry.at,
      actor: entry.actor,
      actorId: entry.actor_id,
      actorLabel: actorLink ? `link “${linkName(actorLink)}”` : entry.actor,
      action: entry.action,
      target: entry.target,
      targetLabel: target ? linkName(target) : null,
      result: entry.result,
      detail: entry.detail,
      ip: entry.ip,
    };
  });
}
