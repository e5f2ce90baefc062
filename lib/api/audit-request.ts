import { clientAddress } from '@/lib/auth/access';
import { auditAs } from '@/lib/auth/audit';
import type { Access } from '@/lib/auth/scope';
import type { Store } from '@/lib/db/open';
import 'server-only';

/** An admin route's audit entry: the caller as the actor, the request's client address as the ip. */
export function auditRequest(
  store: Store,
  access: Access,
  request: Parameters<typeof clientAddress>[0],
  entry: {
    action: string;
    target: string | null;
    detail?: Record<string, unknown>;
    result?: 'ok' | 'denied' | 'failed';
  },
) {
  return auditAs(store, access, {
    action: entry.action,
    target: entry.target,
    detail: entry.detail,
    result: entry.result ?? 'ok',
    ip: clientAddress(request),
  });
}
