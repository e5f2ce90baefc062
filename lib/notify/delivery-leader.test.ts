import { openStore, type Store } from '@/lib/db/open';
import { AdvisoryLockLeadership } from '@/lib/fleet/leadership';
import { startDeliveryWorker, type DeliveryWorker } from '@/lib/notify/delivery-worker';
import {
  enqueueTest,
  insertChannel,
  startReceiver,
  testResolveChannel,
  until,
} from '@/testing/delivery-fixture';
import { openTestStore } from '@/testing/stores';
import { expect, it } from 'vitest';

// Two replicas on one PostgreSQL database, each with its own pool and the real advisory-lock
// leadership the sync uses: only the leader sends; when it stops, the other takes over and sends
// what is waiting.

const quiet = { info: () => {}, warn: () => {} };

interface Replica {
  name: string;
  readonly leading: boolean;
  worker: DeliveryWorker;
  stop(): Promise<void>;
}

function startReplica(name: string, databaseUrl: string, dataDir: string): Replica {
  const store: Store = openStore({ databaseUrl, dataDir });
  const leadership = new AdvisoryLockLeadership(databaseUrl);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let leading = false;
  const replica: Replica = {
    name,
    get leading() {
      return leading;
    },
    worker: startDeliveryWorker(store, {
      id: name,
      isLeader: () => leading,
      resolveChannel: testResolveChannel(store),
      intervalMs: 20,
      log: quiet,
    }),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      leading = false;
      await asking;
      await replica.worker.stop();
      await leadership.release();
      await store.close();
    },
  };
  // As lib/fleet/replica-coordinator.ts does: ask on every poll, so a dead leader is replaced.
  let asking: Promise<void> = Promise.resolve();
  const poll = () => {
    asking = leadership.acquire().then((acquired) => {
      if (stopped) return;
      leading = acquired;
      timer = setTimeout(poll, 50);
    });
  };
  poll();
  return replica;
}

it('only the leading replica sends; the other takes over when it stops', { timeout: 60_000 }, async () => {
  const base = await openTestStore('postgres');
  const receiver = await startReceiver();
  const databaseUrl = base.databaseUrl ?? '';
  const a = startReplica('replica-a', databaseUrl, base.dataDir);
  await until(() => a.leading, 'replica a leads');
  const b = startReplica('replica-b', databaseUrl, base.dataDir);
  const replicas = [a, b];
  try {
    const channel = await insertChannel(base, { url: receiver.url, ratePerMinute: 10_000 });
    const claimedBy = async (ids: string[]) =>
      (
        await base.db
          .selectFrom('notification_outbox')
          .select(['claimed_by', 'status'])
          .where('id', 'in', ids)
          .execute()
      ).map((row) => `${row.status}:${row.claimed_by}`);

    const first = await enqueueTest(base, channel, 20, Date.now());
    b.worker.kick();
    a.worker.kick();
    await until(() => first.every((id) => receiver.accepted.has(id)), 'the first messages sent');
    expect(b.leading).toBe(false);
    expect(new Set(await claimedBy(first))).toEqual(new Set(['sent:replica-a']));

    await a.stop();
    const second = await enqueueTest(base, channel, 20, Date.now());
    await until(() => second.every((id) => receiver.accepted.has(id)), 'the second messages sent');
    expect(b.leading).toBe(true);
    expect(new Set(await claimedBy(second))).toEqual(new Set(['sent:replica-b']));
    expect([...first, ...second].filter((id) => receiver.accepted.get(id) !== 1)).toEqual([]);
    expect(receiver.received).toHaveLength(40);
  } finally {
    for (const replica of replicas) await replica.stop().catch(() => {});
    await receiver.close();
    await base.close();
  }
});
