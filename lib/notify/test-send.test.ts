import { CHANNEL_KINDS } from '@/lib/domain/notifications';
import { createChannel } from '@/lib/notify/channel-store';
import { sendTest } from '@/lib/notify/test-send';
import { startReceivers, type Receivers } from '@/testing/notify-receivers';
import { openTestStore } from '@/testing/stores';
import { useTestSecrets } from '@/testing/test-secrets';
import { afterAll, beforeAll, expect, it } from 'vitest';

// "Send test" through every kind of channel, stored and unsealed as in production, to receivers
// that check each service's shape.

let receivers: Receivers;
let store: Awaited<ReturnType<typeof openTestStore>>;
beforeAll(async () => {
  useTestSecrets();
  receivers = await startReceivers();
  store = await openTestStore('sqlite');
});
afterAll(async () => {
  await receivers.close();
  await store.close();
});

it.each(CHANNEL_KINDS)('a test through a stored %s channel arrives in the documented shape', async (kind) => {
  receivers.reset();
  const channel = await createChannel(store, receivers.channelInput(kind));
  const outcome = await sendTest(store, channel.id, { baseUrl: 'https://lb.example.com' });
  expect(outcome).toMatchObject({ result: 'sent', error: null });
  // PagerDuty: the test event is triggered and resolved.
  expect(receivers.deliveredCount(kind)).toBe(kind === 'pagerduty' ? 2 : 1);
  const row = await store.db
    .selectFrom('notification_outbox')
    .select(['kind', 'status', 'attempts', 'last_status'])
    .where('channel_id', '=', channel.id)
    .executeTakeFirstOrThrow();
  expect(row).toMatchObject({ kind: 'test', status: 'sent', attempts: 1 });
});
