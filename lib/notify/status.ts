import type { Store } from '@/lib/db/open';
import 'server-only';

// What Settings → Notifications shows above the lists: is anything stuck, and how many problems
// the rules are watching.

export interface NotificationStatus {
  pending: number;
  failedLastDay: number;
  sentLastDay: number;
  openIncidents: number;
  oldestPendingAt: number | null;
}

export async function notificationStatus(store: Store, now = Date.now()): Promise<NotificationStatus> {
  const dayAgo = now - 86_400_000;
  const outbox = await store.db
    .selectFrom('notification_outbox')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('status', 'in', ['pending', 'sending']).as('pending'),
      eb.fn
        .countAll<number>()
        .filterWhere((w) => w.and([w('status', '=', 'failed'), w('created_at', '>=', dayAgo)]))
        .as('failed'),
      eb.fn
        .countAll<number>()
        .filterWhere((w) => w.and([w('status', '=', 'sent'), w('created_at', '>=', dayAgo)]))
        .as('sent'),
      eb.fn.min<number | null>('created_at').filterWhere('status', 'in', ['pending', 'sending']).as('oldest'),
    ])
    .executeTakeFirstOrThrow();
  const incidents = await store.db
    .selectFrom('notification_incidents')
    .select((eb) => eb.fn.countAll<number>().as('open'))
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    pending: Number(outbox.pending),
    failedLastDay: Number(outbox.failed),
    sentLastDay: Number(outbox.sent),
    openIncidents: Number(incidents.open),
    oldestPendingAt: outbox.oldest === null ? null : Number(outbox.oldest),
  };
}
