import type { Store } from '@/lib/db/open';
import { metrics } from '@/lib/metrics';
import type { ChannelDriver } from '@/lib/notify/channels/driver';
import { startDeliveryWorker, type DeliveryWorkerOptions } from '@/lib/notify/delivery-worker';
import { LEASE_MS, MAX_ATTEMPTS } from '@/lib/notify/outbox';
import {
  enqueueTest,
  insertChannel,
  startReceiver,
  testDriver,
  testResolveChannel,
  type TestReceiver,
} from '@/testing/delivery-fixture';
import { ENGINES, openTestStore } from '@/testing/stores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

// The sender against a real receiver on loopback, on both engines, with the clock in the test's
// hands: each round is run explicitly, and "later" is a clock moved forward, never a wait.

const T0 = Date.UTC(2026, 11, 7, 6, 0, 0);
const quiet = { info: () => {}, warn: () => {} };

describe.each(ENGINES)('delivery worker on %s', (engine) => {
  let store: Store;
  let receiver: TestReceiver;
  let clock: number;
  const workers: { stop(): Promise<void> }[] = [];

  beforeEach(async () => {
    store = await openTestStore(engine);
    receiver = await startReceiver();
    clock = T0;
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    await receiver.close();
    await store.close();
  });

  const worker = (options: Partial<DeliveryWorkerOptions> = {}) => {
    const started = startDeliveryWorker(store, {
      isLeader: () => true,
      now: () => clock,
      resolveChannel: testResolveChannel(store),
      intervalMs: 3_600_000,
      timeoutMs: 2_000,
      random: () => 0.5,
      log: quiet,
      ...options,
    });
    workers.push(started);
    return started;
  };
  const row = (id: string) =>
    store.db.selectFrom('notification_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('retries a 500 after a back-off, then sends it once', async () => {
    const channel = await insertChannel(store, { url: receiver.url });
    const [id = ''] = await enqueueTest(store, channel, 1, clock);
    receiver.answer = (_request, index) => (index === 0 ? { status: 500, body: 'boom' } : { status: 200 });
    const sender = worker();
    await sender.runOnce();
    const first = await row(id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, last_status: 500, last_answer: 'boom' });
    expect(first.next_attempt_at).toBe(T0 + 30_000);

    await sender.runOnce(); // not due yet: nothing goes out
    expect(receiver.received).toHaveLength(1);
    clock = first.next_attempt_at;
    await sender.runOnce();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, sent_at: clock, last_error: null });
    expect(receiver.accepted.get(id)).toBe(1);
  });

  it('treats an attempt without an answer in time as a retry', async () => {
    const channel = await insertChannel(store, { url: receiver.url });
    const [id = ''] = await enqueueTest(store, channel, 1, clock);
    receiver.answer = (_request, index) => (index === 0 ? 'hang' : { status: 204 });
    const sender = worker({ timeoutMs: 300 });
    await sender.runOnce();
    const first = await row(id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, last_status: null });
    expect(first.last_error).toMatch(/No answer within/);
    clock = first.next_attempt_at;
    await sender.runOnce();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(receiver.accepted.get(id)).toBe(1);
  });

  it("honours a 429's Retry-After for the message and the channel's other messages", async () => {
    const channel = await insertChannel(store, { url: receiver.url });
    const ids = await enqueueTest(store, channel, 3, clock);
    receiver.answer = (_request, index) =>
      index === 0 ? { status: 429, headers: { 'retry-after': '120' } } : { status: 200 };
    const sender = worker();
    await sender.runOnce();
    expect(receiver.received).toHaveLength(1);
    for (const id of ids) {
      const waiting = await row(id);
      expect(waiting.status).toBe('pending');
      expect(waiting.next_attempt_at).toBeGreaterThanOrEqual(T0 + 120_000);
    }
    // The two behind it were held back, not attempted.
    expect((await Promise.all(ids.map(row))).map((r) => r.attempts).sort()).toEqual([0, 0, 1]);

    clock = T0 + 119_000;
    await sender.runOnce();
    expect(receiver.received).toHaveLength(1);
    clock = T0 + 120_000;
    await sender.runOnce();
    expect(ids.map((id) => receiver.accepted.get(id))).toEqual([1, 1, 1]);
  });

  it('fails for good on a 4xx other than 408 and 429', async () => {
    const channel = await insertChannel(store, { url: receiver.url });
    const [id = ''] = await enqueueTest(store, channel, 1, clock);
    receiver.answer = () => ({ status: 400, body: 'invalid payload' });
    const sender = worker();
    await sender.runOnce();
    expect(await row(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_status: 400,
      last_error: 'HTTP 400',
    });
    clock += 3_600_000;
    await sender.runOnce();
    expect(receiver.received).toHaveLength(1);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts, backing off 30 s, 1, 2, 4 … min up to 30 min`, async () => {
    const channel = await insertChannel(store, { url: receiver.url });
    const [id = ''] = await enqueueTest(store, channel, 1, clock);
    receiver.answer = () => ({ status: 503 });
    const sender = worker();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await sender.runOnce();
      const current = await row(id);
      expect(current.attempts).toBe(attempt);
      if (current.status === 'failed') break;
      delays.push(current.next_attempt_at - clock);
      clock = current.next_attempt_at;
    }
    const final = await row(id);
    expect(final.status).toBe('failed');
    expect(final.last_error).toBe(`Gave up after ${MAX_ATTEMPTS} attempts: HTTP 503`);
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);
    expect(delays.map((ms) => ms / 60_000)).toEqual([0.5, 1, 2, 4, 8, 16, 30, 30, 30]);
  });

  it('keeps a channel to its rate cap, across a restart of the sender', async () => {
    const channel = await insertChannel(store, { url: receiver.url, ratePerMinute: 10 });
    const ids: string[] = [];
    for (let i = 0; i < 50; i += 1) ids.push(...(await enqueueTest(store, channel, 1, clock - 50 + i)));
    const before = await metrics().registry.getSingleMetricAsString('levelboard_notifications_total');
    const first = worker();
    await first.runOnce();
    await first.runOnce();
    expect(receiver.accepted.size).toBe(10);
    // The first ten in order, and the rest waiting for the minute to end.
    expect([...receiver.accepted.keys()]).toEqual(ids.slice(0, 10));
    expect((await row(ids[10] ?? '')).next_attempt_at).toBe(T0 + 60_000);
    await first.stop();

    clock = T0 + 59_999;
    const second = worker();
    await second.runOnce();
    expect(receiver.accepted.size).toBe(10);
    clock = T0 + 60_000;
    await second.runOnce();
    expect(receiver.accepted.size).toBe(20);
    for (let minute = 2; minute <= 4; minute += 1) {
      clock = T0 + minute * 60_000;
      await second.runOnce();
    }
    expect(receiver.accepted.size).toBe(50);
    expect([...receiver.accepted.values()].every((n) => n === 1)).toBe(true);
    const after = await metrics().registry.getSingleMetricAsString('levelboard_notifications_total');
    expect(after).not.toBe(before);
    expect(after).toMatch(
      /levelboard_notifications_total\{channel_kind="webhook",result="rate_limited"\} \d+/,
    );
  });

  it('fails what is queued for a deleted or a disabled channel, with the reason', async () => {
    const disabled = await insertChannel(store, { url: receiver.url, enabled: false });
    const [held = ''] = await enqueueTest(store, disabled, 1, clock);
    const [orphan = ''] = await enqueueTest(store, 'no-such-channel', 1, clock);
    await worker().runOnce();
    expect(await row(held)).toMatchObject({
      status: 'failed',
      attempts: 0,
      last_error: 'The channel is disabled',
    });
    expect(await row(orphan)).toMatchObject({
      status: 'failed',
      last_error: 'The channel was deleted before this was sent',
    });
    expect(receiver.received).toHaveLength(0);
  });

  it('takes back a row its sender left mid-send once the lease has run out', async () => {
    const channel = await insertChannel(store, { url: receiver.url });
    const [id = ''] = await enqueueTest(store, channel, 1, clock);
    await store.db
      .updateTable('notification_outbox')
      .set({ status: 'sending', claimed_at: T0, claimed_by: 'a-dead-process' })
      .where('id', '=', id)
      .execute();
    const sender = worker();
    clock = T0 + LEASE_MS;
    await sender.runOnce();
    expect(receiver.received).toHaveLength(0);
    clock = T0 + LEASE_MS + 1;
    await sender.runOnce();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(receiver.accepted.get(id)).toBe(1);
  });

  it("keeps the channel's secret out of its log lines and the delivery rows", async () => {
    const secret = 'hook-token-5f2b9c71e0';
    const channel = await insertChannel(store, { url: 'unused' });
    const ids = await enqueueTest(store, channel, 3, clock);
    // As a real Teams or Slack channel: the URL is the secret.
    const driver: ChannelDriver<Record<string, never>, { url: string }> = {
      kind: 'webhook',
      configSchema: z.object({}).strict(),
      secretSchema: z.object({ url: z.string() }),
      send: (message, settings, context) =>
        testDriver.send(message, { config: { url: settings.secret.url }, secret: null }, context),
    };
    const lines: string[] = [];
    const log = {
      info: (obj: object, msg: string) => lines.push(`${msg} ${JSON.stringify(obj)}`),
      warn: (obj: object, msg: string) => lines.push(`${msg} ${JSON.stringify(obj)}`),
    };
    receiver.answer = (_request, index) =>
      [{ status: 500 }, { status: 400 }, { status: 200 }][index] ?? { status: 200 };
    const sender = worker({
      log,
      resolveChannel: async (id) => ({
        channel: {
          id,
          name: 'Teams',
          kind: 'webhook',
          config: {},
          secret: { url: `${receiver.url}?token=${secret}` },
          enabled: true,
          ratePerMinute: 60,
        },
        driver: driver as ChannelDriver,
      }),
    });
    await sender.runOnce(); // 500: retry later; the lane stops
    await sender.runOnce(); // 400, then 200
    expect(receiver.received).toHaveLength(3);
    clock += 3_600_000;
    await enqueueTest(store, channel, 1, clock);
    await worker({
      log,
      resolveChannel: async () => {
        throw new Error('vault sealed');
      },
    }).runOnce();
    expect(lines.length).toBeGreaterThan(0);
    const rows = await store.db
      .selectFrom('notification_outbox')
      .selectAll()
      .where('id', 'in', ids)
      .execute();
    expect(JSON.stringify(lines) + JSON.stringify(rows)).not.toContain(secret);
  });

  it('does nothing while it does not lead', async () => {
    const channel = await insertChannel(store, { url: receiver.url });
    const [id = ''] = await enqueueTest(store, channel, 1, clock);
    let leading = false;
    const sender = worker({ isLeader: () => leading });
    await sender.runOnce();
    expect((await row(id)).status).toBe('pending');
    leading = true;
    await sender.runOnce();
    expect(receiver.accepted.get(id)).toBe(1);
  });

  it('prunes settled rows older than the retention, never unsent ones', async () => {
    const channel = await insertChannel(store, { url: receiver.url });
    const [old = ''] = await enqueueTest(store, channel, 1, clock - 40 * 86_400_000);
    const [stuck = ''] = await enqueueTest(store, channel, 1, clock - 40 * 86_400_000);
    await store.db.updateTable('notification_outbox').set({ status: 'sent' }).where('id', '=', old).execute();
    await store.db
      .updateTable('notification_outbox')
      .set({ next_attempt_at: clock + 60_000 })
      .where('id', '=', stuck)
      .execute();
    await worker().runOnce();
    const left = await store.db.selectFrom('notification_outbox').select('id').execute();
    expect(left.map((r) => r.id)).toEqual([stuck]);
  });
});
