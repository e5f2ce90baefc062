import type { Store } from '@/lib/db/open';
import type { DeliveryView } from '@/lib/domain/notification-deliveries';
import { CHANNEL_KINDS, type ChannelKind, type DeliveryStatus } from '@/lib/domain/notifications';
import 'server-only';

// The outbox read as the delivery log, newest first. Pages by a cursor of (created_at, id): one
// engine round writes many rows with the same created_at, so a time alone would skip some.

export interface DeliveryQuery {
  channelId?: string;
  status?: DeliveryStatus;
  /** A cursor from `deliveryCursor`: rows older than that one. */
  before?: string;
  limit: number;
}

const CURSOR = /^(\d{1,15})\.(.+)$/;

export const deliveryCursor = (view: Pick<DeliveryView, 'createdAt' | 'id'>) =>
  `${view.createdAt}.${view.id}`;

/** null when the text is not a cursor. */
export function parseDeliveryCursor(text: string): { createdAt: number; id: string } | null {
  const match = CURSOR.exec(text);
  return match?.[1] && match[2] ? { createdAt: Number(match[1]), id: match[2] } : null;
}

function titleOf(message: string): string {
  try {
    const parsed: unknown = JSON.parse(message);
    if (parsed && typeof parsed === 'object' && 'title' in parsed && typeof parsed.title === 'string')
      return parsed.title;
  } catch {
    // An unreadable message is shown as such; the sender fails it with the same words.
  }
  return '(unreadable message)';
}

function ruleNameOf(message: string): string | null {
  try {
    const parsed: unknown = JSON.parse(message);
    if (parsed && typeof parsed === 'object' && 'ruleName' in parsed && typeof parsed.ruleName === 'string')
      return parsed.ruleName;
  } catch {
    // See titleOf.
  }
  return null;
}

const channelKind = (kind: string | null): ChannelKind | null =>
  kind !== null && (CHANNEL_KINDS as readonly string[]).includes(kind) ? (kind as ChannelKind) : null;

export async function listDeliveries(store: Store, query: DeliveryQuery): Promise<DeliveryView[]> {
  let select = store.db
    .selectFrom('notification_outbox as o')
    .leftJoin('notification_channels as c', 'c.id', 'o.channel_id')
    .leftJoin('notification_rules as r', 'r.id', 'o.rule_id')
    .select([
      'o.id',
      'o.channel_id',
      'c.name as channel_name',
      'c.kind as channel_kind',
      'o.rule_id',
      'r.name as rule_name',
      'o.kind',
      'o.message',
      'o.status',
      'o.attempts',
      'o.created_at',
      'o.sent_at',
      'o.next_attempt_at',
      'o.last_status',
      'o.last_error',
      'o.last_answer',
    ])
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(query.limit);
  if (query.channelId !== undefined) select = select.where('o.channel_id', '=', query.channelId);
  if (query.status !== undefined) select = select.where('o.status', '=', query.status);
  const cursor = query.before === undefined ? null : parseDeliveryCursor(query.before);
  if (cursor)
    select = select.where((eb) =>
      eb.or([
        eb('o.created_at', '<', cursor.createdAt),
        eb.and([eb('o.created_at', '=', cursor.createdAt), eb('o.id', '<', cursor.id)]),
      ]),
    );
  const rows = await select.execute();
  return rows.map((row) => ({
    id: row.id,
    channel: { id: row.channel_id, name: row.channel_name, kind: channelKind(row.channel_kind) },
    rule: row.rule_id === null ? null : { id: row.rule_id, name: row.rule_name ?? ruleNameOf(row.message) },
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    nextAttemptAt: row.status === 'pending' || row.status === 'sending' ? row.next_attempt_at : null,
    lastStatus: row.last_status,
    lastError: row.last_error,
    lastAnswer: row.last_answer,
    title: titleOf(row.message),
  }));
}
