import type { Database } from '@/lib/db/schema';
import type { MessageKind, NotificationMessage } from '@/lib/domain/notifications';
import type { Kysely } from 'kysely';
import 'server-only';

export interface OutboxEntry {
  id: string;
  channelId: string;
  ruleId: string | null;
  kind: MessageKind;
  message: NotificationMessage;
}

/**
 * Writes messages as pending. Called inside the transaction that marks their incidents notified,
 * so a crash leaves both or neither: nothing is lost and nothing is announced twice.
 */
export async function enqueueMessages(
  db: Kysely<Database>,
  entries: readonly OutboxEntry[],
  now: number,
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('notification_outbox')
    .values(
      entries.map((entry) => ({
        id: entry.id,
        channel_id: entry.channelId,
        rule_id: entry.ruleId,
        kind: entry.kind,
        message: JSON.stringify(entry.message),
        status: 'pending' as const,
        attempts: 0,
        created_at: now,
        next_attempt_at: now,
      })),
    )
    .execute();
}
