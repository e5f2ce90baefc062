import { DAY, FIVE_MINUTES, HOUR, MINUTE } from '@/lib/history/config';
import { HistoryReader } from '@/lib/history/reader';
import { HistoryRecorder } from '@/lib/history/recorder';
import { InvalidHistoryWindow } from '@/lib/history/resolution';
import { makeSnapshot } from '@/testing/history-fleet';
import {
  expected,
  figures,
  GROUPS,
  recordAll,
  scenario,
  START,
  type Figures,
  type Sync,
} from '@/testing/history-scenario';
import { ENGINES, openTestStore } from '@/testing/stores';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Point = Awaited<ReturnType<HistoryReader['series']>>['points'][number];

const syncs = scenario(5);
const LAST = syncs.at(-1)?.t ?? START;
const NOW = LAST + 10_000;

/** Points are rounded to 2 decimals (security score to 1). */
function expectPoint(point: Point | undefined, want: Figures, label: string) {
  expect(point, label).toBeDefined();
  const close = (got: number | null | undefined, value: number, digits: number) =>
    expect(Math.abs((got ?? NaN) - value), label).toBeLessThanOrEqual(0.51 * 10 ** -digits);
  close(point?.total, want.total, 2);
  close(point?.online, want.online, 2);
  close(point?.offline, want.offline, 2);
  close(point?.maintenance, want.maintenance, 2);
  close(point?.securityScore, want.security_sum / want.security_count, 1);
  const monitored = want.total - want.maintenance;
  if (monitored > 1e-9) close(point?.onlinePct, (want.online / monitored) * 100, 2);
  else expect(point?.onlinePct, label).toBeNull();
}

function expectSeries(points: Point[], scope: string, stepMs: number, windowFrom: number) {
  const from = Math.floor(windowFrom / stepMs) * stepMs;
  const want = [...expected(syncs, scope, stepMs, from, NOW, NOW)].filter(([, b]) => b.covered > 0);
  expect(points.map((p) => p.t)).toEqual(want.map(([t]) => new Date(t).toISOString()));
  want.forEach(([t, bucket], i) =>
    expectPoint(points[i], bucket.values, `${scope} ${new Date(t).toISOString()}`),
  );
}

describe.each(ENGINES)('history series on %s', (engine) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let reader: HistoryReader;

  beforeAll(async () => {
    store = await openTestStore(engine);
    // Rollups stop 2 h in: the rest of every answer comes from raw samples on the fly.
    await recordAll(store, syncs, { every: FIVE_MINUTES, until: START + 2 * HOUR, final: false });
    reader = new HistoryReader(store, { now: () => NOW });
  });
  afterAll(async () => {
    await store.close();
  });

  it('answers 1 h from raw samples: a point per sync, unchanged figures carried forward', async () => {
    const series = await reader.series('fleet', { range: '1h' });
    expect(series).toMatchObject({ resolution: 'raw', stepMs: null, gaps: [] });
    const inWindow = syncs.filter((s) => s.t >= NOW - HOUR);
    expect(series.points.map((p) => p.t)).toEqual(inWindow.map((s) => new Date(s.t).toISOString()));
    inWindow.forEach((sync, i) =>
      expectPoint(series.points[i], figures(sync.devices, 'fleet'), String(sync.t)),
    );
  });

  it('merges raw samples into time-weighted steps when a window holds more syncs than the point cap', async () => {
    const small = new HistoryReader(store, { now: () => NOW, maxPoints: 50 });
    const from = Math.floor((NOW - HOUR) / (2 * MINUTE)) * 2 * MINUTE;
    const series = await small.series('g2', { from, to: NOW });
    expect(series).toMatchObject({ resolution: 'raw', stepMs: 2 * MINUTE });
    expectSeries(series.points, 'g2', 2 * MINUTE, from);
  });

  it('answers 24 h from 5-minute buckets, rolled up or computed past the watermark, with the outage as a gap', async () => {
    const series = await reader.series('g1', { range: '24h' });
    expect(series).toMatchObject({ resolution: '5m', stepMs: FIVE_MINUTES });
    expectSeries(series.points, 'g1', FIVE_MINUTES, NOW - DAY);
    const outage = series.gaps.find((gap) => Date.parse(gap.from) > START);
    expect(Date.parse(outage?.from ?? '')).toBeLessThanOrEqual(START + 73 * MINUTE);
    expect(Date.parse(outage?.to ?? '')).toBeGreaterThanOrEqual(START + 90 * MINUTE);
    // Before Levelboard's first sync there is nothing, and it says so.
    expect(series.gaps[0]?.from).toBe(new Date(NOW - DAY).toISOString());
  });

  it('merges steps to stay under the point cap: 7 d → 15 min, 30 d → 1 h, 1 y → 12 h', async () => {
    const week = await reader.series('fleet', { range: '7d' });
    expect(week).toMatchObject({ resolution: '5m', stepMs: 15 * MINUTE });
    expectSeries(week.points, 'fleet', 15 * MINUTE, NOW - 7 * DAY);
    const month = await reader.series('fleet', { range: '30d' });
    expect(month).toMatchObject({ resolution: '1h', stepMs: HOUR });
    expectSeries(month.points, 'fleet', HOUR, NOW - 30 * DAY);
    const year = await reader.series('g2', { range: '1y' });
    expect(year).toMatchObject({ resolution: '1h', stepMs: 12 * HOUR });
    expectSeries(year.points, 'g2', 12 * HOUR, NOW - 365 * DAY);
  });

  it('uses coarser data for windows older than the finer retention, and rejects nonsense', async () => {
    const old = await reader.series('fleet', { from: NOW - 3 * DAY, to: NOW - 3 * DAY + HOUR });
    expect(old).toMatchObject({ resolution: '5m', points: [] });
    expect(old.gaps).toEqual([{ from: old.from, to: old.to }]);
    const unknown = await reader.series('no-such-group', { range: '24h' });
    expect(unknown.points).toEqual([]);
    await expect(reader.series('fleet', { from: NOW, to: NOW - 1 })).rejects.toBeInstanceOf(
      InvalidHistoryWindow,
    );
  });
});

describe.each(ENGINES)('history series on a fresh server on %s', (engine) => {
  // The first sync was 2½ minutes ago and no 5-minute bucket has closed, let alone been rolled up:
  // every range still ends with the open bucket, computed from the raw samples.
  const first = Date.UTC(2026, 4, 11, 8, 1, 10);
  const fresh: Sync[] = Array.from({ length: 6 }, (_, i) => ({
    t: first + i * 30_000,
    devices: [
      { id: 'd1', groupId: 'g1', securityScore: 80 },
      { id: 'd2', groupId: 'g2', securityScore: 60, online: i < 2 },
    ],
  }));
  const now = first + 160_000;
  const bucket = Math.floor(now / FIVE_MINUTES) * FIVE_MINUTES;
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let reader: HistoryReader;

  beforeAll(async () => {
    store = await openTestStore(engine);
    let clock = first;
    const recorder = new HistoryRecorder(store, { now: () => clock });
    for (const sync of fresh) {
      clock = sync.t;
      await recorder.record(makeSnapshot(sync.devices, { groups: GROUPS }), {
        durationMs: 5,
        levelRequests: 2,
        at: sync.t,
      });
    }
    clock = now;
    await recorder.maintain();
    reader = new HistoryReader(store, { now: () => now });
  });
  afterAll(async () => {
    await store.close();
  });

  it.each([
    ['24h', FIVE_MINUTES],
    ['7d', 15 * MINUTE],
    ['30d', HOUR],
  ] as const)('%s: one point, the open bucket, time-weighted over what was watched', async (range, step) => {
    const series = await reader.series('fleet', { range });
    const start = Math.floor(now / step) * step;
    const want = expected(fresh, 'fleet', step, start, start + step, now).get(start);
    expect(want?.covered).toBe(160_000);
    expect(series.points.map((p) => p.t)).toEqual([new Date(start).toISOString()]);
    expectPoint(series.points[0], want?.values ?? figures([], 'fleet'), range);
    // d2 was offline for 100 of the 160 s watched so far (points carry 2 decimals).
    expect(series.points[0]?.offline).toBe(0.63);
    // Gaps are whole steps: the one with data counts as watched.
    expect(series.gaps).toEqual([{ from: series.from, to: new Date(start).toISOString() }]);
  });

  it('a group scope too, and 1 h as a point per sync', async () => {
    const group = await reader.series('g2', { range: '24h' });
    expect(group.points.map((p) => [p.t, p.total])).toEqual([[new Date(bucket).toISOString(), 1]]);
    const hour = await reader.series('fleet', { range: '1h' });
    expect(hour.points.map((p) => p.t)).toEqual(fresh.map((s) => new Date(s.t).toISOString()));
  });
});
