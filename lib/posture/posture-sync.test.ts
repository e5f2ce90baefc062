import { createLevelClient } from '@/lib/level';
import { PostureCache } from '@/lib/posture/posture-cache';
import { readPostures } from '@/lib/posture/posture-store';
import { PostureSync } from '@/lib/posture/posture-sync';
import { startSimulator, type RunningSimulator } from '@/simulator';
import { encodeId } from '@/simulator/ids';
import { openTestStore } from '@/testing/stores';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The posture sync against the real simulator over HTTP, at 10,000 devices, for two simulated
// days ticked minute by minute: every Level request is counted per simulated day and minute.

const KEY = 'posture-key-0123456789';
const DEVICES = 10_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-11-02T00:00:00Z');
/** The deployed default LEVEL_REQUESTS_PER_MINUTE and the gate's default background share. */
const BUDGET_PER_MINUTE = 300;
const BACKGROUND_SHARE = 0.15;

let clock = T0;
let sim: RunningSimulator;
const requests: Array<{ at: number; path: string; deviceId: string | null }> = [];

beforeAll(async () => {
  sim = await startSimulator({
    devices: DEVICES,
    seed: 20,
    apiKey: KEY,
    frozen: true,
    quiet: true,
    now: () => clock,
  });
}, 60_000);
afterAll(() => sim.close());

function client() {
  return createLevelClient({
    baseUrl: sim.url,
    apiKey: KEY,
    // The gate's per-minute window runs on the wall clock, which this test compresses 1000-fold;
    // the budget is asserted below in simulated time instead.
    requestsPerMinute: 1_000_000,
    fetch: (input, init) => {
      const url = new URL(String(input));
      requests.push({ at: clock, path: url.pathname, deviceId: url.searchParams.get('device_id') });
      return fetch(input, init);
    },
  });
}

const deviceIds = () => sim.state.store.devices.map((d) => encodeId('Device', d.n));

describe('posture sync at 10,000 devices', () => {
  it('stays within budget: each device’s updates once a simulated day at its own minute, four security walks a day', async () => {
    const store = await openTestStore('sqlite');
    try {
      const level = client();
      const ids = deviceIds();
      const sync = new PostureSync({
        store,
        client: () => level,
        deviceIds: () => ids,
        now: () => clock,
        tickMs: MINUTE,
      });
      for (let minute = 0; minute < 3 * 24 * 60; minute++) {
        clock = T0 + minute * MINUTE;
        await sync.tick();
      }
      const ofDay = (day: number) =>
        requests.filter((r) => r.at >= T0 + day * DAY && r.at < T0 + (day + 1) * DAY);
      const updatesOf = (day: number) => ofDay(day).filter((r) => r.path === '/v2/updates');
      const perDay = [0, 1, 2].map((day) => ofDay(day).length);
      console.log(`[posture 10k] Level requests per simulated day: ${perDay.join(', ')}`);
      // Day 1: the first pass, 200 devices a minute for 50 minutes (10,000 × 1 page, ≤ 5 updates
      // each), plus a walk at 00:00, 06:00, 12:00 and 18:00 of 10,000 / 100 = 100 pages: 10,400.
      expect(perDay[0]).toBe(10_000 + 4 * 100);
      expect(updatesOf(0).filter((r) => r.at >= T0 + 50 * MINUTE)).toHaveLength(0);
      // Day 2: a device first fetched after its own minute of the day waits for day 3 (never
      // sooner than 24 h), so day 2 has at most 10,400.
      expect(perDay[1]).toBeLessThanOrEqual(10_400);
      // Only devices whose minute falls inside the first pass's 50 minutes skip it (~50 / 1440 of
      // them), so day 2 still fetches all the others and makes its four walks.
      expect(perDay[1]).toBeGreaterThanOrEqual(10_400 - Math.ceil((DEVICES * 50) / 1440) - 20);
      // Day 3 is the steady state: about every device once at its minute (a minute whose slots
      // exceed the cap spills into the next, so a few at 23:59 fall into day 4).
      expect(perDay[2]).toBeLessThanOrEqual(10_400);
      expect(perDay[2]).toBeGreaterThanOrEqual(10_400 - 20);
      // The background lane's share of the deployed budget: 0.15 × 300 × 1440 = 64,800 a day.
      expect(Math.max(...perDay)).toBeLessThanOrEqual(BACKGROUND_SHARE * BUDGET_PER_MINUTE * 1440);
      // Never twice within 24 h; after the first pass, never more than 24 h + 30 min apart.
      const times = new Map<string, number[]>();
      for (const r of requests.filter((x) => x.path === '/v2/updates'))
        times.set(r.deviceId ?? '', [...(times.get(r.deviceId ?? '') ?? []), r.at]);
      expect(times.size).toBe(DEVICES);
      for (const list of times.values()) {
        for (let i = 1; i < list.length; i++) {
          expect(list[i]! - list[i - 1]!).toBeGreaterThanOrEqual(DAY);
          if (i > 1) expect(list[i]! - list[i - 1]!).toBeLessThanOrEqual(DAY + 30 * MINUTE);
        }
      }
      // Spread: in the steady state no minute has more than twice the even share, ⌈2 × 10,000 / 1440⌉ = 14.
      const perMinute = new Map<number, number>();
      for (const r of updatesOf(2)) perMinute.set(r.at, (perMinute.get(r.at) ?? 0) + 1);
      console.log(
        `[posture 10k] busiest minute of day 3: ${Math.max(...perMinute.values())} update requests`,
      );
      expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(14);
      for (const day of [0, 1, 2]) {
        const walks = ofDay(day).filter((r) => r.path === '/v2/devices');
        expect([...new Set(walks.map((r) => (r.at - T0) % DAY))].sort((a, b) => a - b)).toEqual([
          0,
          6 * HOUR,
          12 * HOUR,
          18 * HOUR,
        ]);
      }
      const rows = await readPostures(store);
      expect(rows).toHaveLength(DEVICES);
      expect(rows.every((r) => r.security !== null && r.patches !== null)).toBe(true);
      // Some devices have failed updates and some are fully patched: the simulator's spread.
      expect(rows.some((r) => (r.patches?.failed ?? 0) > 0)).toBe(true);
      expect(rows.some((r) => r.patches?.pending === 0)).toBe(true);

      // A restart reads the schedule back from the database: a minute later it fetches only the
      // devices whose minute it is, and no walk (the last one was at 18:00).
      requests.length = 0;
      clock = T0 + 3 * DAY - 30 * MINUTE;
      const restarted = new PostureSync({
        store,
        client: () => level,
        deviceIds: () => ids,
        now: () => clock,
        tickMs: MINUTE,
      });
      expect(await restarted.tick()).toMatchObject({ walked: false });
      expect(requests.filter((r) => r.path === '/v2/devices')).toHaveLength(0);
      expect(requests.filter((r) => r.path === '/v2/updates').length).toBeLessThanOrEqual(14);

      const cache = await new PostureCache(store, () => clock).fresh();
      expect(cache.posture({ id: ids[0]!, securityScore: null }).securitySyncedAt).toBe(
        T0 + 2 * DAY + 18 * HOUR,
      );
    } finally {
      await store.close();
    }
  }, 900_000);

  it('marks /v2/updates "not available" on a 403 and asks again only after backing off', async () => {
    const store = await openTestStore('sqlite');
    try {
      const level = client();
      const ids = deviceIds().slice(0, 50);
      sim.faults.set({ updatesAccess: 'forbidden' });
      clock = T0;
      const sync = new PostureSync({ store, client: () => level, deviceIds: () => ids, now: () => clock });
      requests.length = 0;
      await sync.tick();
      expect(sync.updatesAvailability()).toEqual({ state: 'not-available', retryAt: T0 + 6 * HOUR });
      // The walk still ran (security posture does not depend on the plan's patch data).
      expect(requests.filter((r) => r.path === '/v2/devices').length).toBeGreaterThan(0);
      expect(requests.filter((r) => r.path === '/v2/updates')).toHaveLength(1);
      requests.length = 0;
      for (let m = 1; m < 6 * 60; m++) {
        clock = T0 + m * MINUTE;
        await sync.tick();
      }
      expect(requests.filter((r) => r.path === '/v2/updates')).toHaveLength(0);
      sim.faults.set({ updatesAccess: 'missing' });
      clock = T0 + 6 * HOUR;
      await sync.tick();
      // 404 on the device and on the unfiltered list: still not available, next try in 12 h.
      expect(sync.updatesAvailability()).toEqual({ state: 'not-available', retryAt: T0 + 18 * HOUR });
      sim.faults.set({ updatesAccess: 'allowed' });
      clock = T0 + 18 * HOUR;
      await sync.tick();
      expect(sync.updatesAvailability().state).toBe('available');
    } finally {
      sim.faults.reset();
      await store.close();
    }
  }, 120_000);

  it('survives schema drift: unknown extra fields and missing optional ones', async () => {
    const level = client();
    const ids = deviceIds().slice(0, 100);
    clock = T0;
    for (const drift of ['extra', 'missing'] as const) {
      const store = await openTestStore('sqlite');
      try {
        sim.faults.set({ drift });
        const sync = new PostureSync({ store, client: () => level, deviceIds: () => ids, now: () => clock });
        const result = await sync.tick();
        expect(result).toEqual({ walked: true, devicesFetched: 100 });
        expect(
          (await readPostures(store)).filter((r) => r.security !== null && r.patches !== null),
        ).toHaveLength(100);
      } finally {
        sim.faults.reset();
        await store.close();
      }
    }
  }, 120_000);
});
