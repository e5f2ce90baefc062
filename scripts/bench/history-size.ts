// bench:history part (2): how big the database gets. A 10,000-device fleet synced every 30 s for
// BENCH_DAYS simulated days (30 → 86,400 syncs), the simulator evolving 3 steps (30 s) between
// syncs, each sync written by the real HistoryRecorder into every engine asked for, and
// maintain() (rollups, retention) every 5 simulated minutes. The server maintains every minute;
// the rows are the same (only closed 5-minute buckets are rolled up), the runs just fewer.
import { HistoryRecorder, type PruneResult } from '@/lib/history';
import { fleetMirror } from './fleet-mirror';
import { startFleet, SYNC_MS } from './history-fleet';
import { databaseSize, openBenchStore, rowCounts, type BenchStore, type Engine } from './history-stores';

const STEP_MS = 10_000;
const MAINTAIN_MS = 5 * 60_000;
const DAY_MS = 86_400_000;
const SYNCS_PER_DAY = DAY_MS / SYNC_MS;
const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
/** Days at which sizes and row counts are taken (those within the run, and its last day). */
const CHECKPOINT_DAYS = [1, 2, 7, 14, 21, 30, 60, 90];

const mib = (bytes: number) => +(bytes / 2 ** 20).toFixed(1);
const ms = (value: number) => +value.toFixed(1);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: number[], p: number) =>
  values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

interface Target {
  engine: Engine;
  store: BenchStore;
  recorder: HistoryRecorder;
  writeMs: number[];
  maintainMs: number[];
  recorded: { transitions: number; alertEvents: number; samples: number };
  pruned: PruneResult;
}

export async function sizeRun(options: { devices: number; days: number; engines: Engine[] }): Promise<void> {
  const { devices, days, engines } = options;
  const syncs = Math.round(days * SYNCS_PER_DAY);
  let clock = T0;
  const fleet = await startFleet(devices, () => clock);
  const first = { sim: fleet.sim, ...(await fleet.sync()) };
  const mirror = fleetMirror(first.sim, first.snapshot, 120);
  const sync = { durationMs: first.durationMs, levelRequests: first.levelRequests };
  const targets: Target[] = [];
  for (const engine of engines) {
    const store = await openBenchStore(engine, `bench_size_${engine}_${process.pid}`);
    const recorder = new HistoryRecorder(store, { now: () => clock });
    await recorder.record(first.snapshot, { ...sync, at: clock });
    targets.push({
      engine,
      store,
      recorder,
      writeMs: [],
      maintainMs: [],
      recorded: { transitions: 0, alertEvents: 0, samples: 0 },
      pruned: {
        samples: 0,
        syncs: 0,
        fiveMinute: 0,
        hourly: 0,
        transitions: 0,
        alertEvents: 0,
        postureSamples: 0,
        departures: 0,
      },
    });
  }

  const checkpoints = new Set(
    [...CHECKPOINT_DAYS.filter((d) => d < days), days].map((d) => Math.round(d * SYNCS_PER_DAY)),
  );
  const growth: Record<string, string | number>[] = [];
  const started = performance.now();
  let nextMaintain = clock + MAINTAIN_MS;
  for (let i = 1; i <= syncs; i++) {
    for (let step = 0; step < SYNC_MS / STEP_MS; step++) {
      clock += STEP_MS;
      first.sim.state.tick();
    }
    const snapshot = mirror.next(i + 1, new Date(clock).toISOString());
    for (const target of targets) {
      const result = await target.recorder.record(snapshot, { ...sync, at: clock });
      target.writeMs.push(result.writeMs);
      target.recorded.transitions += result.transitions;
      target.recorded.alertEvents += result.alertEvents;
      target.recorded.samples += result.samples;
    }
    if (clock >= nextMaintain) {
      nextMaintain += MAINTAIN_MS;
      for (const target of targets) {
        const result = await target.recorder.maintain();
        target.maintainMs.push(result.ms);
        for (const key of Object.keys(target.pruned) as (keyof PruneResult)[])
          target.pruned[key] += result.pruned[key];
      }
    }
    if (i % SYNCS_PER_DAY === 0 || i === syncs) {
      const minutes = (performance.now() - started) / 60_000;
      console.log(
        `  day ${(i / SYNCS_PER_DAY).toFixed(2)} of ${days}: ${minutes.toFixed(1)} min elapsed, ~${((minutes / i) * (syncs - i)).toFixed(1)} min to go`,
      );
    }
    if (checkpoints.has(i)) {
      for (const target of targets) {
        const size = await databaseSize(target.store);
        growth.push({
          day: +(i / SYNCS_PER_DAY).toFixed(2),
          engine: target.engine,
          'database MiB': mib(size.bytes),
          'WAL before checkpoint MiB': size.walBefore === undefined ? '—' : mib(size.walBefore),
          ...(await rowCounts(target.store)),
        });
      }
    }
  }
  const wallMinutes = (performance.now() - started) / 60_000;
  // The mirror stands in for real syncs only because it is checked; a run too short for a check
  // (or a mirror that stopped checking) proved nothing about it.
  const expectedChecks = Math.floor(syncs / 120);
  if (mirror.checks < expectedChecks)
    throw new Error(
      `fleet mirror checked ${mirror.checks} times in ${syncs} syncs, expected ${expectedChecks}`,
    );

  console.log(
    `\n    database size and rows (SQLite: main file + WAL after a checkpoint; PostgreSQL: pg_database_size):`,
  );
  console.table(growth);
  for (const target of targets) {
    const size = await databaseSize(target.store);
    const writes = sorted(target.writeMs);
    const maintains = sorted(target.maintainMs);
    console.log(
      `\n    ${target.engine}: ${mib(size.bytes)} MiB on disk, ${mib(size.live)} MiB of it in use; by table and index:`,
    );
    console.table(
      size.objects.filter((o) => o.bytes >= 64 * 1024).map((o) => ({ name: o.name, MiB: mib(o.bytes) })),
    );
    console.log(
      `    recorded per day: ${Math.round(target.recorded.transitions / days).toLocaleString()} device transitions, ${Math.round(target.recorded.alertEvents / days).toLocaleString()} alert events; ${(target.recorded.samples / syncs).toFixed(1)} raw samples per sync`,
    );
    console.log(
      `    pruned by maintain(): ${Object.entries(target.pruned)
        .map(([k, v]) => `${k} ${v.toLocaleString()}`)
        .join(', ')}`,
    );
    console.log(
      `    record(): mean ${ms(mean(writes))} ms, median ${ms(percentile(writes, 50))}, p95 ${ms(percentile(writes, 95))}, max ${ms(writes.at(-1) ?? NaN)} (${writes.length.toLocaleString()} syncs)`,
    );
    console.log(
      `    maintain(): mean ${ms(mean(maintains))} ms, median ${ms(percentile(maintains, 50))}, p95 ${ms(percentile(maintains, 95))}, max ${ms(maintains.at(-1) ?? NaN)} (${maintains.length.toLocaleString()} runs)`,
    );
    await target.store.dispose();
  }
  console.log(
    `\n    ${syncs.toLocaleString()} syncs in ${wallMinutes.toFixed(1)} min wall-clock; the mirrored snapshot equalled buildSnapshot's at all ${mirror.checks} checks (one per simulated hour).`,
  );
  await first.sim.close();
}
