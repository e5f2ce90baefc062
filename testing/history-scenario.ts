import { FIVE_MINUTES, HOUR, MINUTE } from '@/lib/history/config';
import { HistoryRecorder } from '@/lib/history/recorder';
import { makeGroup, makeSnapshot, type DeviceSpec } from '@/testing/history-fleet';
import type { openTestStore } from '@/testing/stores';

export type TestStore = Awaited<ReturnType<typeof openTestStore>>;

// Expected rollups are computed here straight from the figures each sync saw (not from the stored
// samples): a sync's figures hold until the next sync, for at most the 2-minute gap threshold.

export const START = Date.UTC(2026, 4, 11, 7, 58, 20);
export const GAP_MS = 2 * MINUTE;
export const GROUPS = [makeGroup('g1', null, ['g2']), makeGroup('g2', 'g1')];
export const KEYS = ['total', 'online', 'offline', 'maintenance', 'security_sum', 'security_count'] as const;
export type Figures = Record<(typeof KEYS)[number], number>;

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Sync {
  t: number;
  devices: DeviceSpec[];
}

/** 3½ hours of syncs every ~30 s with churn, a 22-minute outage and a 100-second hiccup. */
export function scenario(seed: number): Sync[] {
  const rng = random(seed);
  const devices: DeviceSpec[] = [
    { id: 'd1', groupId: 'g1', securityScore: 80 },
    { id: 'd2', groupId: 'g1', securityScore: 65 },
    { id: 'd3', groupId: 'g2', securityScore: 90 },
    { id: 'd4', groupId: 'g2', securityScore: null },
    { id: 'd5', groupId: null, securityScore: 40 },
    { id: 'd6', groupId: null, securityScore: 71 },
  ];
  const syncs: Sync[] = [];
  let t = START;
  while (t < START + 3.5 * HOUR) {
    for (const device of devices) {
      if (rng() < 0.08) device.online = !(device.online ?? true);
      if (rng() < 0.01) device.maintenance = !(device.maintenance ?? false);
    }
    syncs.push({ t, devices: devices.map((d) => ({ ...d })) });
    t += 30_000 + Math.floor(rng() * 4_000) - 2_000;
    if (t > START + 70 * MINUTE && t < START + 92 * MINUTE) t = START + 92 * MINUTE + 1_234;
    if (syncs.length === 200) t += 70_000;
  }
  return syncs;
}

export function figures(devices: DeviceSpec[], scope: string): Figures {
  const inScope = devices.filter((d) =>
    scope === 'fleet'
      ? true
      : scope === 'g1'
        ? d.groupId === 'g1' || d.groupId === 'g2'
        : d.groupId === scope,
  );
  const out: Figures = {
    total: 0,
    online: 0,
    offline: 0,
    maintenance: 0,
    security_sum: 0,
    security_count: 0,
  };
  for (const d of inScope) {
    out.total += 1;
    if (d.maintenance) out.maintenance += 1;
    else if (d.online ?? true) out.online += 1;
    else out.offline += 1;
    if (d.securityScore !== null && d.securityScore !== undefined) {
      out.security_sum += d.securityScore;
      out.security_count += 1;
    }
  }
  return out;
}

/** Time-weighted averages per bucket of `length`, straight from the syncs. */
export function expected(
  syncs: Sync[],
  scope: string,
  length: number,
  from: number,
  to: number,
  now = Infinity,
) {
  const out = new Map<number, { covered: number; values: Figures }>();
  for (let bucket = from; bucket < to; bucket += length) {
    let covered = 0;
    const sums: Figures = {
      total: 0,
      online: 0,
      offline: 0,
      maintenance: 0,
      security_sum: 0,
      security_count: 0,
    };
    syncs.forEach((sync, i) => {
      const until = Math.min(syncs[i + 1]?.t ?? Infinity, sync.t + GAP_MS, now);
      const overlap = Math.min(until, bucket + length) - Math.max(sync.t, bucket);
      if (overlap <= 0) return;
      covered += overlap;
      const f = figures(sync.devices, scope);
      for (const key of KEYS) sums[key] += f[key] * overlap;
    });
    for (const key of KEYS) sums[key] = covered > 0 ? sums[key] / covered : 0;
    out.set(bucket, { covered, values: sums });
  }
  return out;
}

/** Stored rows of one scope, carried forward up to the watermark. */
export async function stored(store: TestStore, resolution: '5m' | '1h', scope: string) {
  const length = resolution === '5m' ? FIVE_MINUTES : HOUR;
  const mark = await store.db
    .selectFrom('key_values')
    .select('value')
    .where('key', '=', `history.rollup.${resolution}.through`)
    .executeTakeFirstOrThrow();
  const rows = await store.db
    .selectFrom('history_rollups')
    .selectAll()
    .where('resolution', '=', resolution)
    .where('scope', '=', scope)
    .orderBy('bucket')
    .execute();
  const out = new Map<number, { covered: number; values: Figures }>();
  rows.forEach((row, i) => {
    const until = Math.min(rows[i + 1]?.bucket ?? Infinity, Number(mark.value));
    for (let bucket = row.bucket; bucket < until; bucket += length) {
      const values = Object.fromEntries(KEYS.map((key) => [key, row[key]])) as Figures;
      out.set(bucket, { covered: row.covered_ms, values });
    }
  });
  return { rows, through: Number(mark.value), buckets: out };
}

/**
 * Records every sync at its time, maintaining every `every` ms until `until`, then (if `final`)
 * 2 h later; with `restartEvery`, a fresh recorder takes over every so many syncs (a restart).
 */
export async function recordAll(
  store: TestStore,
  syncs: Sync[],
  options: { every: number | null; until?: number; final?: boolean; restartEvery?: number },
) {
  let clock = START;
  let recorder = new HistoryRecorder(store, { now: () => clock });
  let nextMaintain = START + (options.every ?? Infinity);
  for (const [i, sync] of syncs.entries()) {
    clock = sync.t;
    if (options.restartEvery && i % options.restartEvery === 0)
      recorder = new HistoryRecorder(store, { now: () => clock });
    if (clock >= nextMaintain && clock < (options.until ?? Infinity)) {
      await recorder.maintain();
      nextMaintain += options.every ?? Infinity;
    }
    await recorder.record(makeSnapshot(sync.devices, { groups: GROUPS }), {
      durationMs: 5,
      levelRequests: 2,
      at: sync.t,
    });
  }
  if (options.final === false) return null;
  clock = (syncs.at(-1)?.t ?? START) + 2 * HOUR;
  return recorder.maintain();
}
