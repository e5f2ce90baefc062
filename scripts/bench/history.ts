// bench:history — what recording history costs. (1) Write time per sync (lib/history `record`:
// diff + one transaction) at 10,000 and 50,000 devices, after real syncs through the Level client
// and the simulator, with the simulator's own churn (3 evolution steps = 30 s between syncs).
// (2) Database size of a 10,000-device fleet after 30 simulated days at a 30 s sync interval
// (history-size.ts). Run: npm run bench:history
// env: BENCH_SIZES (part 1 fleets, empty = skip), BENCH_SYNCS, BENCH_ENGINES (part 1),
//      BENCH_DAYS (part 2, 0 = skip), BENCH_SIZE_ENGINES (part 2, comma-separated),
//      BENCH_SIZE_DEVICES (part 2's fleet); BENCH_SMOKE=1: 200 devices, 2 syncs (both engines: the
//      throw-away PostgreSQL is the unit tests' own and starts in about a second), and part 2 for
//      0.05 days (144 syncs, past the mirror's first hourly check) — correctness only.
// In-process (no HTTP to Levelboard, so no sessions): a failure is a throw, and exits 1.
import { HistoryRecorder } from '@/lib/history';
import { startFleet, SYNC_MS } from './history-fleet';
import { sizeRun } from './history-size';
import { openBenchStore, stopBenchPostgres, type Engine } from './history-stores';
import { SMOKE } from './sessions';
import { machine } from './support';

const list = (value: string | undefined, fallback: string) => (value ?? fallback).split(',').filter(Boolean);
const SIZES = list(process.env.BENCH_SIZES, SMOKE ? '200' : '10000,50000').map(Number);
const SYNCS = Number(process.env.BENCH_SYNCS ?? (SMOKE ? 2 : 20));
const DAYS = Number(process.env.BENCH_DAYS ?? (SMOKE ? 0.05 : 30));
const ENGINES = list(process.env.BENCH_ENGINES, 'sqlite,postgres') as Engine[];
const SIZE_ENGINES = list(process.env.BENCH_SIZE_ENGINES, 'sqlite') as Engine[];
const SIZE_DEVICES = Number(process.env.BENCH_SIZE_DEVICES ?? (SMOKE ? 200 : 10_000));
const STEP_MS = 10_000;
const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => +value.toFixed(1);

/** (1) Real syncs, each recorded into one store per engine. */
async function writeTimes(devices: number) {
  let clock = T0;
  const { sim, sync } = await startFleet(devices, () => clock);
  const targets = await Promise.all(
    ENGINES.map(async (engine) => {
      const store = await openBenchStore(engine, `bench_w_${devices}_${process.pid}`);
      return {
        engine,
        store,
        recorder: new HistoryRecorder(store, { now: () => clock }),
        times: [] as number[],
        rows: [] as number[],
        first: 0,
      };
    }),
  );
  const first = await sync();
  for (const target of targets)
    target.first = (await target.recorder.record(first.snapshot, { ...first, at: clock })).writeMs;
  for (let i = 0; i < SYNCS; i++) {
    for (let step = 0; step < SYNC_MS / STEP_MS; step++) {
      clock += STEP_MS;
      sim.state.tick();
    }
    const next = await sync();
    for (const target of targets) {
      const result = await target.recorder.record(next.snapshot, { ...next, at: clock });
      target.times.push(result.writeMs);
      target.rows.push(result.rows);
    }
  }
  clock += 6 * 60_000;
  const rows = [];
  for (const target of targets) {
    const maintain = await target.recorder.maintain();
    rows.push({
      devices,
      engine: target.engine,
      'first sync ms (all states)': ms(target.first),
      'median ms/sync': ms(percentile(target.times, 50)),
      'p95 ms/sync': ms(percentile(target.times, 95)),
      'max ms/sync': ms(Math.max(...target.times)),
      'rows/sync (median)': percentile(target.rows, 50),
      'maintain ms (5m rollup)': ms(maintain.ms),
    });
    await target.store.dispose();
  }
  await sim.close();
  return rows;
}

async function main() {
  console.log(`\nbench:history — machine: ${machine()}${SMOKE ? ' (smoke: correctness only)' : ''}`);
  console.log('PostgreSQL: a local throw-away server (testing/postgres.ts) with fsync switched back on.\n');
  if (SIZES.length > 0) {
    console.log(
      `(1) record() per sync: real syncs (Level client → simulator over HTTP), ${SYNCS} syncs, 3 simulator evolution steps between syncs`,
    );
    const rows = [];
    for (const size of SIZES) rows.push(...(await writeTimes(size)));
    console.table(rows);
  }

  if (DAYS > 0 && SIZE_ENGINES.length > 0) {
    console.log(
      `\n(2) ${DAYS} simulated days, ${SIZE_DEVICES.toLocaleString('en-US')} devices, a sync every 30 s (${Math.round(DAYS * 2_880).toLocaleString()} syncs), recorded into ${SIZE_ENGINES.join(' and ')}:`,
    );
    console.log(
      '    the first sync over HTTP; after it the simulator evolves 3 steps per sync and the fleet is mirrored',
    );
    console.log(
      '    in-process (scripts/bench/fleet-mirror.ts, checked against buildSnapshot hourly); maintain() every 5 simulated minutes; default retention.',
    );
    await sizeRun({ devices: SIZE_DEVICES, days: DAYS, engines: SIZE_ENGINES });
  }
  stopBenchPostgres();
}

main().catch((error) => {
  console.error(error);
  stopBenchPostgres();
  process.exit(1);
});
