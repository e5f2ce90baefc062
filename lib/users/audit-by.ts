import { audit, type AuditEntry } from '@/lib/auth/audit';
import type { Store } from '@/lib/db/open';
import 'server-only';

/** An audit entry under a named actor (actorOf(access), or a person signing in). */
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
