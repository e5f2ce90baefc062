// A child process for the outbox kill -9 test (lib/notify/outbox-crash.test.ts). It writes outbox
// rows and, depending on the mode, sends them, until it is killed with SIGKILL:
//   enqueue  writes batches of 5 messages in transactions, no sending; prints "committed <ids>".
//   hang     writes <count> messages, prints them, then sends (the test's receiver never answers).
//   storm    writes batches and sends them at once, as the engine and the sender do in production.
// Usage: node --conditions=react-server --import tsx testing/outbox-crash-child.ts
//          <mode> <dataDir> <databaseUrl|-> <channelId,...> [count]
import { migrate, openStore } from '@/lib/db/open';
import { startDeliveryWorker } from '@/lib/notify/delivery-worker';
import { enqueueMessages } from '@/lib/notify/outbox-write';
import { testMessage, testResolveChannel } from '@/testing/delivery-fixture';
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';

const quiet = { info: () => {}, warn: () => {} };

async function main() {
  const [mode, dataDir, databaseUrl, channelList, count] = process.argv.slice(2);
  if (!mode || !dataDir || !databaseUrl || !channelList) throw new Error('usage: see the file');
  const store = openStore({ dataDir, databaseUrl: databaseUrl === '-' ? undefined : databaseUrl });
  await migrate(store);
  const channels = channelList.split(',');
  // The sender's timer does not hold a process open; this one waits for the kill.
  setInterval(() => {}, 60_000);

  const writeBatch = async (size: number) => {
    const entries = Array.from({ length: size }, (_, i) => {
      const id = randomUUID();
      const channelId = channels[i % channels.length] ?? '';
      return { id, channelId, ruleId: null, kind: 'trigger' as const, message: testMessage(id) };
    });
    await store.db.transaction().execute((trx) => enqueueMessages(trx, entries, Date.now()));
    // Synchronous, so the line is in the pipe before a kill can land.
    writeSync(1, `committed ${entries.map((entry) => entry.id).join(',')}\n`);
  };

  if (mode === 'enqueue') {
    for (;;) await writeBatch(5);
  }
  const worker = startDeliveryWorker(store, {
    id: `child-${process.pid}`,
    isLeader: () => true,
    resolveChannel: testResolveChannel(store),
    intervalMs: 10,
    log: quiet,
  });
  if (mode === 'hang') {
    await writeBatch(Number(count ?? 5));
    worker.kick();
    return;
  }
  for (;;) {
    await writeBatch(3);
    worker.kick();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
