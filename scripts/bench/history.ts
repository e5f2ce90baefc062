// bench:history — what recording history costs. (1) Write time per sync (lib/history `record`:
// diff + one transaction) at 10,000 and 50,000 devices, after real syncs through the Level client
// and the simulator, with the simulator's own churn (3 evolution steps = 30 s between syncs).
// (2) Database size of a 10,000-device fleet after 30 simulated days at a 30 s sync interval.
// Run: npm run bench:history   (env: BENCH_SIZES, BENCH_SYNCS, BENCH_DAYS, BENCH_ENGINES, BENCH_SIZE_ENGINES)
import { migrate, openStore, type Store } from '@/lib/db/open';
import type { Alert } from '@/lib/domain/level';
import { buildSnapshot } from '@/lib/fleet/build-snapshot';
import { FleetService } from '@/lib/fleet/fleet-service';
import type { FleetData, FleetSnapshot } from '@/lib/fleet/snapshot';
import { HistoryRecorder } from '@/lib/history';
import { createLevelClient } from '@/lib/level';
import { startSimulator, type RunningSimulator } from '@/lib/level/simulator';
import { decodeId, encodeId } from '@/lib/level/simulator/ids';
import { createTestDatabase, startTestPostgres, type TestPostgres } from '@/lib/testing/postgres';
import { sql } from 'kysely';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machine, randomKey } from './support';

type Engine = 'sqlite' | 'postgres';
const list = (value: string | undefined, fallback: string) => (value ?? fallback).split(',').filter(Boolean);
const SIZES = list(process.env.BENCH_SIZES, '10000,50000').map(Number);
const SYNCS = Number(process.env.BENCH_SYNCS ?? 20);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const ENGINES = list(process.env.BENCH_ENGINES, 'sqlite,postgres') as Engine[];
const SIZE_ENGINES = list(process.env.BENCH_SIZE_ENGINES, 'sqlite') as Engine[];
const STEP_MS = 10_000;
const SYNC_MS = 30_000;
const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);

let postgres: TestPostgres | null = null;

async function open(engine: Engine, name: string): Promise<Store & { dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'levelboard-bench-history-'));
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    if (!postgres) {
      postgres = await startTestPostgres();
      // The test server runs with fsync=off; a benchmark of writes must pay for durability.
      const admin = openStore({ databaseUrl: postgres.url, dataDir });
      await sql`ALTER SYSTEM SET fsync = on`.execute(admin.db);
      await sql`SELECT pg_reload_conf()`.execute(admin.db);
      await admin.close();
    }
    databaseUrl = await createTestDatabase(postgres.url, name);
  }
  const store = openStore({ databaseUrl, dataDir });
  await migrate(store);
  return {
    ...store,
    dispose: async () => (await store.close(), rmSync(dataDir, { recursive: true, force: true })),
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => +value.toFixed(1);

async function startFleet(devices: number, clock: () => number) {
  const apiKey = randomKey();
  const sim = await startSimulator({ devices, apiKey, seed: 42, frozen: true, quiet: true, now: clock });
  let requests = 0;
  const client = createLevelClient({
    baseUrl: sim.url,
    apiKey,
    concurrency: 4,
    requestsPerMinute: 1_000_000,
    timeoutMs: 30_000,
    onRequest: () => void (requests += 1),
  });
  const service = new FleetService({
    getClient: () => client,
    intervalMs: SYNC_MS,
    slices: 4,
    requestCount: () => requests,
  });
  const sync = async () => {
    const before = requests;
    const started = performance.now();
    const snapshot = (await service.syncNow()) as FleetSnapshot;
    return { snapshot, durationMs: performance.now() - started, levelRequests: requests - before };
  };
  return { sim, sync };
}

/** (1) Real syncs, each recorded into one store per engine. */
async function writeTimes(devices: number) {
  let clock = T0;
  const { sim, sync } = await startFleet(devices, () => clock);
  const targets = await Promise.all(
    ENGINES.map(async (engine) => {
      const store = await open(engine, `bench_w_${devices}_${process.pid}`);
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

/**
 * The domain fleet kept in step with the simulator's store after each evolution step, without
 * HTTP/JSON (which would take hours for 86,400 syncs). Same ids, same churn, same snapshot builder.
 */
function mirror(sim: RunningSimulator, first: FleetSnapshot) {
  const store = sim.state.store;
  const data: FleetData = {
    ...first,
    devices: [...first.devices],
    activeAlerts: [],
    recentResolvedAlerts: [],
  };
  const index = new Map(data.devices.map((device, i) => [decodeId(device.id)?.n ?? -1, i]));
  const alerts = new Map<number, Alert>();
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return (): FleetData => {
    for (const record of store.devices) {
      const i = index.get(record.n);
      const device = i === undefined ? undefined : data.devices[i];
      if (i === undefined || !device) continue;
      if (device.online !== record.online || device.maintenanceMode !== record.maintenance)
        data.devices[i] = {
          ...device,
          online: record.online,
          maintenanceMode: record.maintenance,
          lastSeenAt: iso(record.lastSeenMs),
        };
    }
    const active: Alert[] = [];
    const seen = new Set<number>();
    for (const record of store.activeAlerts) {
      seen.add(record.n);
      let alert = alerts.get(record.n);
      if (!alert) {
        alert = {
          id: encodeId('Alert', record.n),
          deviceId: encodeId('Device', record.deviceN),
          deviceHostname: record.deviceHostname,
          name: record.name,
          description: record.description,
          payload: record.payload,
          severity: record.severity,
          resolved: false,
          startedAt: iso(record.startedMs),
          resolvedAt: null,
        };
        alerts.set(record.n, alert);
      }
      active.push(alert);
    }
    const resolved: Alert[] = [];
    for (const [n, alert] of alerts) {
      if (seen.has(n)) continue;
      alerts.delete(n);
      resolved.push({ ...alert, resolved: true, resolvedAt: iso(store.alert(n)?.resolvedMs ?? null) });
    }
    data.activeAlerts = active;
    data.recentResolvedAlerts = [...resolved, ...data.recentResolvedAlerts].slice(0, 1_000);
    return data;
  };
}

async function databaseSize(store: Store) {
  if (store.engine === 'sqlite') {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
    const pages = await sql<{ page_count: number }>`PRAGMA page_count`.execute(store.db);
    const free = await sql<{ freelist_count: number }>`PRAGMA freelist_count`.execute(store.db);
    const size = await sql<{ page_size: number }>`PRAGMA page_size`.execute(store.db);
    const pageSize = size.rows[0]?.page_size ?? 4096;
    const file = statSync(store.location).size;
    const live = ((pages.rows[0]?.page_count ?? 0) - (free.rows[0]?.freelist_count ?? 0)) * pageSize;
    const tables = await sql<{
      name: string;
      bytes: number;
    }>`SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC`
      .execute(store.db)
      .then(
        (r) => r.rows,
        () => [],
      );
    return { file, live, tables };
  }
  const total = await sql<{ bytes: string }>`SELECT pg_database_size(current_database()) AS bytes`.execute(
    store.db,
  );
  const tables = await sql<{ name: string; bytes: string }>`
    SELECT relname AS name, pg_total_relation_size(relid) AS bytes FROM pg_catalog.pg_statio_user_tables ORDER BY 2 DESC`.execute(
    store.db,
  );
  const live = tables.rows.reduce((sum, row) => sum + Number(row.bytes), 0);
  return {
    file: Number(total.rows[0]?.bytes ?? 0),
    live,
    tables: tables.rows.map((r) => ({ name: r.name, bytes: Number(r.bytes) })),
  };
}

/** (2) 30 simulated days of 30-second syncs, maintained every 5 simulated minutes as the server would. */
async function thirtyDays(engine: Engine, devices: number) {
  let clock = T0;
  const { sim, sync } = await startFleet(devices, () => clock);
  const first = await sync();
  const next = mirror(sim, first.snapshot);
  const store = await open(engine, `bench_size_${process.pid}`);
  const recorder = new HistoryRecorder(store, { now: () => clock });
  await recorder.record(first.snapshot, { ...first, at: clock });
  const started = performance.now();
  const totals = {
    transitions: 0,
    alertEvents: 0,
    samples: 0,
    writeMs: [] as number[],
    maintainMs: [] as number[],
  };
  let nextMaintain = clock + 5 * 60_000;
  const syncs = (DAYS * 86_400_000) / SYNC_MS;
  for (let i = 1; i <= syncs; i++) {
    for (let step = 0; step < SYNC_MS / STEP_MS; step++) {
      clock += STEP_MS;
      sim.state.tick();
    }
    const snapshot = buildSnapshot(next(), i + 1, new Date(clock).toISOString());
    const result = await recorder.record(snapshot, {
      durationMs: first.durationMs,
      levelRequests: first.levelRequests,
      at: clock,
    });
    totals.transitions += result.transitions;
    totals.alertEvents += result.alertEvents;
    totals.samples += result.samples;
    if (i % 100 === 0) totals.writeMs.push(result.writeMs);
    if (clock >= nextMaintain) {
      totals.maintainMs.push((await recorder.maintain()).ms);
      nextMaintain += 5 * 60_000;
    }
    if (i % 2_880 === 0)
      console.log(
        `  ${engine}: day ${i / 2_880} of ${DAYS} simulated (${((performance.now() - started) / 60_000).toFixed(1)} min)`,
      );
  }
  const size = await databaseSize(store);
  const counts: Record<string, number> = {};
  for (const table of [
    'history_samples',
    'history_rollups',
    'sync_log',
    'device_states',
    'device_transitions',
    'alert_events',
  ] as const) {
    const row = await store.db
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  await store.dispose();
  await sim.close();
  return { engine, size, counts, totals };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

async function main() {
  console.log(`\nbench:history — machine: ${machine()}`);
  console.log(
    'PostgreSQL: a local throw-away server (lib/testing/postgres.ts) with fsync switched back on.\n',
  );
  if (SIZES.length > 0) {
    console.log(
      `(1) record() per sync: real syncs (Level client → simulator over HTTP), ${SYNCS} syncs, 3 simulator evolution steps between syncs`,
    );
    const rows = [];
    for (const size of SIZES) rows.push(...(await writeTimes(size)));
    console.table(rows);
  }

  for (const engine of SIZE_ENGINES) {
    console.log(
      `\n(2) ${DAYS} simulated days, 10,000 devices, a sync every 30 s (${(DAYS * 2_880).toLocaleString()} syncs) on ${engine}:`,
    );
    console.log(
      '    first sync over HTTP; then the simulator evolves 3 steps per sync and the fleet is mirrored in-process',
    );
    console.log(
      '    (same ids and churn, no HTTP/JSON); maintain() every 5 simulated minutes; default retention.',
    );
    const result = await thirtyDays(engine, 10_000);
    console.log(`    database: ${mib(result.size.file)} on disk, ${mib(result.size.live)} in use`);
    console.table(result.size.tables.map((t) => ({ table: t.name, size: mib(t.bytes) })));
    console.table(result.counts);
    console.log(
      `    churn recorded: ${Math.round(result.totals.transitions / DAYS).toLocaleString()} device transitions and ${Math.round(result.totals.alertEvents / DAYS).toLocaleString()} alert events per day; ${Math.round(result.totals.samples / (DAYS * 2_880))} raw samples per sync`,
    );
    console.log(
      `    record() median ${ms(percentile(result.totals.writeMs, 50))} ms (p95 ${ms(percentile(result.totals.writeMs, 95))}); maintain() median ${ms(percentile(result.totals.maintainMs, 50))} ms (max ${ms(Math.max(...result.totals.maintainMs))})`,
    );
  }
  postgres?.stop();
}

main().catch((error) => {
  console.error(error);
  postgres?.stop();
  process.exit(1);
});
