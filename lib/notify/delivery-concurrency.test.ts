import { openStore, type Store } from '@/lib/db/open';
import { startDeliveryWorker, type DeliveryWorker } from '@/lib/notify/delivery-worker';
import {
  enqueueTest,
  insertChannel,
  startReceiver,
  testResolveChannel,
  until,
} from '@/testing/delivery-fixture';
import { ENGINES, openTestStore } from '@/testing/stores';
import { describe, expect, it } from 'vitest';

// Two senders that both believe they lead (a leadership hand-over, a split brain), each with its
// own connection to the same database as two processes would have, race for the same rows as
// fast as they can; a third that does not lead stands by. Every message must reach the receiver
// exactly once.

const quiet = { info: () => {}, warn: () => {} };

describe.each(ENGINES)('two senders on one %s database', (engine) => {
  it('never send a message twice, and a follower sends none', { timeout: 60_000 }, async () => {
    const base = await openTestStore(engine);
    const handles: Store[] = [
      openStore({ dataDir: base.dataDir, databaseUrl: base.databaseUrl }),
      openStore({ dataDir: base.dataDir, databaseUrl: base.databaseUrl }),
      openStore({ dataDir: base.dataDir, databaseUrl: base.databaseUrl }),
    ];
    const receiver = await startReceiver();
    receiver.answer = () => ({ status: 200, delayMs: Math.floor(Math.random() * 4) });
    const workers: DeliveryWorker[] = [];
    try {
      const channels = await Promise.all(
        Array.from({ length: 4 }, () => insertChannel(base, { url: receiver.url, ratePerMinute: 10_000 })),
      );
      const ids: string[] = [];
      const [a, b, follower] = handles as [Store, Store, Store];
      const start = (store: Store, id: string, leading: boolean) =>
        startDeliveryWorker(store, {
          id,
          isLeader: () => leading,
          resolveChannel: testResolveChannel(store),
          intervalMs: 5,
          batch: 25,
          log: quiet,
        });
      workers.push(
        start(a, 'sender-a', true),
        start(b, 'sender-b', true),
        start(follower, 'follower', false),
      );
      // Messages keep arriving while both senders poll, each followed by a kick to both.
      for (let round = 0; round < 20; round += 1) {
        for (const channel of channels) ids.push(...(await enqueueTest(base, channel, 3, Date.now())));
        for (const worker of workers) worker.kick();
      }
      await until(async () => {
        const left = await base.db
          .selectFrom('notification_outbox')
          .select('id')
          .where('status', '!=', 'sent')
          .execute();
        return left.length === 0;
      }, 'every message sent');

      expect(receiver.received).toHaveLength(ids.length);
      expect(ids.filter((id) => receiver.accepted.get(id) !== 1)).toEqual([]);
      const senders = await base.db
        .selectFrom('notification_outbox')
        .select(['claimed_by', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy('claimed_by')
        .execute();
      expect(senders.map((row) => row.claimed_by)).not.toContain('follower');
      console.info(
        `${engine}: ${ids.length} messages; claimed ${senders.map((s) => `${s.claimed_by}=${Number(s.n)}`).join(', ')}`,
      );
    } finally {
      for (const worker of workers) await worker.stop();
      for (const handle of handles) await handle.close();
      await receiver.close();
      await base.close();
    }
  });
});
