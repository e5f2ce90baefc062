import { FIVE_MINUTES, HOUR, MINUTE } from '@/lib/history/config';
import { HistoryRecorder } from '@/lib/history/recorder';
import { makeGroup, makeSnapshot, type DeviceSpec } from '@/testing/history-fleet';
import {
  expected,
  GROUPS,
  KEYS,
  recordAll,
  scenario,
  START,
  stored,
  type TestStore,
} from '@/testing/history-scenario';
import { ENGINES, openTestStore } from '@/testing/stores';
import { describe, expect, it } from 'vitest';

describe.each(ENGINES)('history rollups on %s', (engine) => {
  it('raw → 5-minute → hourly rollups agree with the syncs they summarise', async () => {
    const syncs = scenario(3);
    const store = await openTestStore(engine);
    try {
      await recordAll(store, syncs, { every: FIVE_MINUTES });
      for (const scope of ['fleet', 'g1', 'g2']) {
        const fiveMinute = await stored(store, '5m', scope);
        const want5 = expected(
          syncs,
          scope,
          FIVE_MINUTES,
          Math.floor(START / FIVE_MINUTES) * FIVE_MINUTES,
          fiveMinute.through,
        );
        for (const [bucket, want] of want5) {
          const got = fiveMinute.buckets.get(bucket);
          if (want.covered === 0) {
            expect(got?.covered ?? 0, `${scope} ${new Date(bucket).toISOString()}`).toBe(0);
            continue;
          }
          expect(got?.covered, `${scope} ${new Date(bucket).toISOString()}`).toBe(want.covered);
          for (const key of KEYS) expect(got?.values[key]).toBeCloseTo(want.values[key], 9);
        }
        // Carried forward: never two identical rows in a row.
        fiveMinute.rows.forEach((row, i) => {
          const prev = fiveMinute.rows[i - 1];
          if (prev) expect({ ...prev, bucket: 0 }).not.toEqual({ ...row, bucket: 0 });
        });

        const hourly = await stored(store, '1h', scope);
        const want1 = expected(syncs, scope, HOUR, Math.floor(START / HOUR) * HOUR, hourly.through);
        expect(hourly.through).toBeGreaterThanOrEqual(START + 4 * HOUR);
        for (const [bucket, want] of want1) {
          const got = hourly.buckets.get(bucket);
          expect(got?.covered ?? 0).toBe(want.covered);
          for (const key of KEYS) expect(got?.values[key] ?? 0).toBeCloseTo(want.values[key], 9);
        }
      }
      // The outage reads as "no data", not as the figures before it.
      const outage = (await stored(store, '5m', 'fleet')).buckets.get(
        Math.floor((START + 80 * MINUTE) / FIVE_MINUTES) * FIVE_MINUTES,
      );
      expect(outage?.covered).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('gives the same rollups maintained every 5 minutes, once after downtime, or across restarts; re-runs are no-ops', async () => {
    const syncs = scenario(8);
    const often = await openTestStore(engine);
    const once = await openTestStore(engine);
    const restarted = await openTestStore(engine);
    try {
      await recordAll(often, syncs, { every: FIVE_MINUTES });
      const first = await recordAll(once, syncs, { every: null });
      expect(first?.fiveMinuteBuckets).toBeGreaterThan(40);
      // A new recorder (nothing cached) every ~25 minutes, maintaining every 10.
      await recordAll(restarted, syncs, { every: 2 * FIVE_MINUTES, restartEvery: 50 });
      const all = (store: TestStore) =>
        store.db
          .selectFrom('history_rollups')
          .selectAll()
          .orderBy('resolution')
          .orderBy('scope')
          .orderBy('bucket')
          .execute();
      const expectedRows = await all(often);
      expect(await all(once)).toEqual(expectedRows);
      expect(await all(restarted)).toEqual(expectedRows);

      const recorder = new HistoryRecorder(once, { now: () => (syncs.at(-1)?.t ?? 0) + 2 * HOUR });
      const again = await recorder.maintain();
      expect(again).toMatchObject({ fiveMinuteBuckets: 0, hourlyBuckets: 0, rollupRows: 0 });
      expect(await all(once)).toEqual(expectedRows);
    } finally {
      await often.close();
      await once.close();
      await restarted.close();
    }
  });

  it('reads a group that disappears as "no data" soon after, not as its last figures', async () => {
    const store = await openTestStore(engine);
    try {
      let clock = START;
      const recorder = new HistoryRecorder(store, { now: () => clock });
      for (let i = 0; i < 40; i++) {
        clock = START + i * 30_000;
        // g2 (and its device) is deleted in Level after 10 minutes.
        const devices: DeviceSpec[] =
          i < 20
            ? [
                { id: 'a', groupId: 'g1' },
                { id: 'b', groupId: 'g2' },
              ]
            : [{ id: 'a', groupId: 'g1' }];
        const groups = i < 20 ? GROUPS : [makeGroup('g1')];
        await recorder.record(makeSnapshot(devices, { groups }), {
          durationMs: 1,
          levelRequests: 1,
          at: clock,
        });
      }
      clock += HOUR;
      await recorder.maintain();
      // Its last sample still speaks for the rest of its 5-minute bucket (plus that bucket's last
      // sync): the recorder writes nothing for a scope that is gone. After that: no data.
      const gone = START + 20 * 30_000;
      const silentFrom = Math.floor(gone / FIVE_MINUTES) * FIVE_MINUTES + 2 * FIVE_MINUTES;
      const g2 = await stored(store, '5m', 'g2');
      expect(g2.rows.at(-1)).toMatchObject({ covered_ms: 0 });
      for (const [bucket, value] of g2.buckets) {
        if (bucket >= silentFrom) expect(value.covered).toBe(0);
        else if (bucket > START && bucket + FIVE_MINUTES <= gone) expect(value.covered).toBe(FIVE_MINUTES);
      }
      const g1 = await stored(store, '5m', 'g1');
      expect(g1.buckets.get(silentFrom)?.covered).toBeGreaterThan(0);
      expect(g1.buckets.get(silentFrom)?.values.total).toBe(1);
    } finally {
      await store.close();
    }
  });
});
