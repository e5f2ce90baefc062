import { openStore, type Store } from '@/lib/db/open';
import { startDeliveryWorker } from '@/lib/notify/delivery-worker';
import { LEASE_MS } from '@/lib/notify/outbox';
import {
  insertChannel,
  startReceiver,
  testResolveChannel,
  until,
  type TestReceiver,
} from '@/testing/delivery-fixture';
import { ENGINES, openTestStore } from '@/testing/stores';
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The outbox across kill -9, on a real SQLite file and a real PostgreSQL database: a child process
// (testing/outbox-crash-child.ts) writes messages and is killed while writing, while a request is
// in flight, or at random while it sends; then a fresh sender on the same database delivers.
// The receiver counts per delivery id what it accepted (answered with a 2xx).

const KILLS = Number(process.env.OUTBOX_KILLS ?? 3);
const quiet = { info: () => {}, warn: () => {} };

interface Child {
  committed: string[];
  /** Kill the child now. */
  kill(): void;
  exited: Promise<void>;
}

function runChild(args: string[], onCommitted: (child: Child, batches: number) => void): Child {
  const process_ = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'testing/outbox-crash-child.ts', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  let buffer = '';
  let batches = 0;
  const child: Child = {
    committed: [],
    kill: () => process_.kill('SIGKILL'),
    exited: new Promise((resolve, reject) => {
      process_.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`)),
      );
    }),
  };
  process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  process_.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^committed (.+)$/.exec(line);
      if (!match?.[1]) continue;
      child.committed.push(...match[1].split(','));
      batches += 1;
      onCommitted(child, batches);
    }
  });
  return child;
}

describe.each(ENGINES)('the outbox across kill -9 on %s', (engine) => {
  let base: Store & { dataDir: string; databaseUrl?: string };
  let receiver: TestReceiver;
  let args: (mode: string, channels: string[], count?: number) => string[];

  beforeEach(async () => {
    base = await openTestStore(engine);
    receiver = await startReceiver();
    args = (mode, channels, count) => [
      mode,
      base.dataDir,
      base.databaseUrl ?? '-',
      channels.join(','),
      ...(count === undefined ? [] : [String(count)]),
    ];
  });
  afterEach(async () => {
    await receiver.close();
    await base.close();
  });

  /** A fresh sender in this process, on its own connection, with its own clock offset. */
  const freshSender = (offsetMs = () => 0) => {
    const store = openStore({ dataDir: base.dataDir, databaseUrl: base.databaseUrl });
    const worker = startDeliveryWorker(store, {
      id: 'fresh',
      isLeader: () => true,
      now: () => Date.now() + offsetMs(),
      resolveChannel: testResolveChannel(store),
      intervalMs: 3_600_000,
      log: quiet,
    });
    return {
      worker,
      close: async () => {
        await worker.stop();
        await store.close();
      },
    };
  };
  const statusOf = async (ids: string[]) =>
    new Map(
      (
        await base.db
          .selectFrom('notification_outbox')
          .select(['id', 'status', 'attempts'])
          .where('id', 'in', ids)
          .execute()
      ).map((row) => [row.id, row]),
    );

  it(
    `loses and doubles nothing when killed between writing and sending (${KILLS} kills)`,
    { timeout: 120_000 },
    async () => {
      const channel = await insertChannel(base, { url: receiver.url, ratePerMinute: 10_000 });
      const printed: string[] = [];
      for (let kill = 0; kill < KILLS; kill += 1) {
        const killAfter = 1 + Math.floor(Math.random() * 4);
        const child = runChild(args('enqueue', [channel]), (running, batches) => {
          // Usually inside the next batch's transaction.
          if (batches === killAfter) setTimeout(() => running.kill(), Math.random() * 20);
        });
        await child.exited;
        printed.push(...child.committed);
      }
      const written = await base.db.selectFrom('notification_outbox').select(['id', 'status']).execute();
      expect(written.every((row) => row.status === 'pending')).toBe(true);
      const ids = written.map((row) => row.id);
      const stored = new Set(ids);
      expect(printed.filter((id) => !stored.has(id))).toEqual([]);

      const sender = freshSender();
      try {
        // Rounds until done (a round reads a batch of due rows).
        await until(async () => {
          await sender.worker.runOnce();
          return receiver.accepted.size === ids.length;
        }, 'all written messages delivered');
      } finally {
        await sender.close();
      }
      expect(receiver.received).toHaveLength(ids.length);
      expect(ids.filter((id) => receiver.accepted.get(id) !== 1)).toEqual([]);
      console.info(`${engine}: ${ids.length} messages written through ${KILLS} kills, each delivered once`);
    },
  );

  it(
    'sends a message whose sender died mid-request once, after the lease',
    { timeout: 120_000 },
    async () => {
      const channels = [
        await insertChannel(base, { url: receiver.url, ratePerMinute: 10_000 }),
        await insertChannel(base, { url: receiver.url, ratePerMinute: 10_000 }),
      ];
      receiver.answer = () => 'hang';
      const child = runChild(args('hang', channels, 6), () => {});
      await receiver.waitForRequests(2); // one request in flight per channel: the kill lands there
      child.kill();
      await child.exited;
      const ids = child.committed;
      expect(ids).toHaveLength(6);
      const inFlight = receiver.received.map((request) => request.id);
      const before = await statusOf(ids);
      expect(inFlight.map((id) => before.get(id)?.status)).toEqual(['sending', 'sending']);

      receiver.answer = () => ({ status: 200 });
      let offset = 0;
      const sender = freshSender(() => offset);
      try {
        await sender.worker.runOnce();
        // The four never tried go out now; the two held by the dead sender wait for its lease.
        const now = await statusOf(ids);
        expect(ids.filter((id) => now.get(id)?.status === 'sent')).toHaveLength(4);
        expect(inFlight.every((id) => now.get(id)?.status === 'sending' && !receiver.accepted.has(id))).toBe(
          true,
        );
        offset = LEASE_MS + 1_000;
        await sender.worker.runOnce();
      } finally {
        await sender.close();
      }
      const after = await statusOf(ids);
      expect(ids.filter((id) => after.get(id)?.status !== 'sent')).toEqual([]);
      expect(ids.map((id) => receiver.accepted.get(id))).toEqual([1, 1, 1, 1, 1, 1]);
      expect(inFlight.map((id) => after.get(id)?.attempts)).toEqual([2, 2]);
    },
  );

  it(
    `delivers everything at least once through kills at random while sending (${KILLS} kills); only a message in flight at a kill may repeat`,
    { timeout: 180_000 },
    async () => {
      const channels = [
        await insertChannel(base, { url: receiver.url, ratePerMinute: 10_000 }),
        await insertChannel(base, { url: receiver.url, ratePerMinute: 10_000 }),
        await insertChannel(base, { url: receiver.url, ratePerMinute: 10_000 }),
      ];
      receiver.answer = () => ({ status: 200, delayMs: Math.floor(Math.random() * 8) });
      const inFlightAtKills = new Set<string>();
      for (let kill = 0; kill < KILLS; kill += 1) {
        const killAfter = 5 + Math.floor(Math.random() * 10);
        const child = runChild(args('storm', channels), (running, batches) => {
          if (batches === killAfter) setTimeout(() => running.kill(), Math.random() * 30);
        });
        await child.exited;
        const sending = await base.db
          .selectFrom('notification_outbox')
          .select('id')
          .where('status', '=', 'sending')
          .execute();
        for (const row of sending) inFlightAtKills.add(row.id);
      }
      const ids = (await base.db.selectFrom('notification_outbox').select('id').execute()).map(
        (row) => row.id,
      );
      const sender = freshSender(() => LEASE_MS + 1_000);
      try {
        await until(async () => {
          await sender.worker.runOnce();
          return ids.every((id) => receiver.accepted.has(id));
        }, 'every message delivered');
      } finally {
        await sender.close();
      }
      const repeated = ids.filter((id) => (receiver.accepted.get(id) ?? 0) > 1);
      expect(repeated.filter((id) => !inFlightAtKills.has(id))).toEqual([]);
      expect(ids.filter((id) => (receiver.accepted.get(id) ?? 0) > 2)).toEqual([]);
      // At most one request in flight per channel when a kill lands.
      expect(inFlightAtKills.size).toBeLessThanOrEqual(KILLS * channels.length);
      expect(
        (await base.db.selectFrom('notification_outbox').select('id').where('status', '!=', 'sent').execute())
          .length,
      ).toBe(0);
      console.info(
        `${engine}: ${ids.length} messages through ${KILLS} kills; ${inFlightAtKills.size} in flight at a kill, ${repeated.length} delivered twice (same delivery id)`,
      );
    },
  );
});
