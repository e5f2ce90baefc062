import { CHANNEL_KINDS } from '@/lib/domain/notifications';
import { createChannel } from '@/lib/notify/channel-store';
import { startDeliveryWorker } from '@/lib/notify/delivery-worker';
import { enqueueMessages } from '@/lib/notify/outbox-write';
import { sampleMessage, startReceivers, type Receivers } from '@/testing/notify-receivers';
import { ENGINES, openTestStore } from '@/testing/stores';
import { useTestSecrets } from '@/testing/test-secrets';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The parts joined: a message written to the outbox for a stored channel of each kind is sent by
// the delivery worker through the real driver (secret unsealed from the store) to a receiver that
// checks the service's shape; a 429 leaves it pending for Retry-After.

let receivers: Receivers;
beforeAll(async () => {
  useTestSecrets();
  receivers = await startReceivers();
});
afterAll(async () => receivers.close());

describe.each(ENGINES)('outbox → driver → receiver on %s', (engine) => {
  it('sends a queued message through every kind of stored channel', async () => {
    const store = await openTestStore(engine);
    try {
      receivers.reset();
      const now = Date.now();
      const entries = [];
      for (const kind of CHANNEL_KINDS) {
        const channel = await createChannel(store, receivers.channelInput(kind));
        const id = randomUUID();
        entries.push({
          id,
          channelId: channel.id,
          ruleId: 'rule-1',
          kind: 'trigger' as const,
          message: sampleMessage({ id }),
        });
      }
      await enqueueMessages(store.db, entries, now);
      const worker = startDeliveryWorker(store, { isLeader: () => true, intervalMs: 60_000 });
      await worker.runOnce();
      await worker.stop();
      const rows = await store.db
        .selectFrom('notification_outbox')
        .select(['status', 'attempts', 'last_error'])
        .execute();
      expect(rows.map((row) => [row.status, row.attempts, row.last_error])).toEqual(
        CHANNEL_KINDS.map(() => ['sent', 1, null]),
      );
      for (const kind of CHANNEL_KINDS)
        expect(receivers.deliveredCount(kind), kind).toBe(kind === 'pagerduty' ? 2 : 1);
    } finally {
      await store.close();
    }
  });

  it('keeps a rate-limited message pending until after Retry-After', async () => {
    const store = await openTestStore(engine);
    try {
      receivers.reset();
      const channel = await createChannel(store, receivers.channelInput('slack'));
      const now = Date.now();
      const id = randomUUID();
      await enqueueMessages(
        store.db,
        [{ id, channelId: channel.id, ruleId: null, kind: 'trigger', message: sampleMessage({ id }) }],
        now,
      );
      receivers.http.failNext(1, { mode: 'rate-limit', retryAfter: '120' });
      const worker = startDeliveryWorker(store, { isLeader: () => true, intervalMs: 60_000, now: () => now });
      await worker.runOnce();
      await worker.stop();
      const row = await store.db
        .selectFrom('notification_outbox')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status: 429 });
      expect(Number(row.next_attempt_at)).toBeGreaterThanOrEqual(now + 120_000);
    } finally {
      await store.close();
    }
  });
});
