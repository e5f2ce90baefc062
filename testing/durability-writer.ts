// A child process for the durability test: records syncs into a store as fast as it can and
// prints "committed <t>" after each transaction commits, until it is killed (kill -9).
// Usage: node --conditions=react-server --import tsx testing/durability-writer.ts <dataDir> [databaseUrl]
import { migrate, openStore } from '@/lib/db/open';
import { SnapshotReplication } from '@/lib/fleet/replication';
import { HistoryRecorder } from '@/lib/history';
import { startFleetHarness } from '@/testing/fleet-harness';

async function main() {
  const [dataDir, databaseUrl] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: durability-writer <dataDir> [databaseUrl]');

  const store = openStore({ dataDir, databaseUrl });
  await migrate(store);
  const replication = new SnapshotReplication(store);
  const harness = await startFleetHarness({ devices: 400, seed: Number(process.pid) % 1000 === 0 ? 1 : 4 });
  const last = await store.db
    .selectFrom('sync_log')
    .select((eb) => eb.fn.max('t').as('t'))
    .executeTakeFirst();
  let t = Number(last?.t ?? Date.UTC(2026, 0, 1));
  // History's clock follows the simulated sync times, so retention judges them as recent.
  const recorder = new HistoryRecorder(store, { now: () => t });

  for (;;) {
    for (let i = 0; i < 5; i += 1) harness.sim.state.tick();
    const snapshot = await harness.service.syncNow();
    if (!snapshot) continue;
    t += 30_000;
    const result = await recorder.record(snapshot, { durationMs: 1, levelRequests: 1, at: t });
    if (!result.skipped) process.stdout.write(`committed ${t}\n`);
    await replication.save(snapshot, harness.service.replicatedStatus());
    if (t % (10 * 60_000) === 0) await recorder.maintain();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
