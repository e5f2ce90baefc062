import type { Store } from '@/lib/db/open';
import { NotFoundError } from '@/lib/domain/errors';
import { CHANNEL_LABELS } from '@/lib/domain/notification-channel-fields';
import type { ChannelTestView } from '@/lib/domain/notification-channels';
import type { DeliveryOutcome, NotificationMessage } from '@/lib/domain/notifications';
import { loadChannelForSending } from '@/lib/notify/channel-store';
import { CHANNEL_DRIVERS } from '@/lib/notify/channels';
import type { ChannelForSending } from '@/lib/notify/channels/driver';
import { publicUrl } from '@/lib/notify/public-url';
import { randomUUID } from 'node:crypto';
import 'server-only';

// "Send test": a message sent now, through the channel's driver, not through the outbox queue (an
// admin waits for the answer). It is recorded afterwards as an outbox row of kind `test` with its
// final status, so it shows in the delivery log and the sender never picks it up: a row written
// before sending would be `pending`, and the delivery loop would send it a second time.

export const TEST_TIMEOUT_MS = 10_000;

export function testMessage(
  channel: Pick<ChannelForSending, 'name' | 'kind'>,
  baseUrl: string,
  now: number,
): NotificationMessage {
  const id = randomUUID();
  const at = new Date(now).toISOString();
  const url = `${baseUrl}/settings/notifications`;
  return {
    id,
    kind: 'test',
    ruleId: null,
    ruleName: null,
    severity: 'information',
    title: `Levelboard test · ${channel.name}`,
    summary: `This is a test of the ${CHANNEL_LABELS[channel.kind]} channel "${channel.name}". If you can read it, notifications will arrive here.`,
    items: [
      {
        key: `test:${id}`,
        kind: 'alert',
        severity: 'information',
        title: 'Test notification',
        client: null,
        site: null,
        device: null,
        since: at,
        resolvedAt: null,
        url,
        levelUrl: null,
      },
    ],
    moreCount: 0,
    url,
    createdAt: at,
  };
}

const errorOf = (outcome: DeliveryOutcome) => (outcome.result === 'sent' ? null : outcome.error);

export async function sendTest(
  store: Store,
  channelId: string,
  options: { now?: number; baseUrl?: string; timeoutMs?: number } = {},
): Promise<ChannelTestView> {
  const channel = await loadChannelForSending(store, channelId);
  if (!channel) throw new NotFoundError(`No channel with id "${channelId}".`);
  const started = options.now ?? Date.now();
  const message = testMessage(channel, options.baseUrl ?? publicUrl(), started);
  const outcome = await CHANNEL_DRIVERS[channel.kind].send(
    message,
    { config: channel.config, secret: channel.secret },
    { timeoutMs: options.timeoutMs ?? TEST_TIMEOUT_MS },
  );
  const finished = options.now ?? Date.now();
  const sent = outcome.result === 'sent';
  await store.db
    .insertInto('notification_outbox')
    .values({
      id: message.id,
      channel_id: channel.id,
      rule_id: null,
      kind: 'test',
      message: JSON.stringify(message),
      // A test is not retried: "retry" is shown as failed, with the receiver's reason.
      status: sent ? 'sent' : 'failed',
      attempts: 1,
      created_at: started,
      next_attempt_at: started,
      sent_at: sent ? finished : null,
      last_status: outcome.status,
      last_error: errorOf(outcome),
      last_answer: outcome.answer,
    })
    .execute();
  return { result: outcome.result, status: outcome.status, error: errorOf(outcome), answer: outcome.answer };
}
