import { DAY, FIVE_MINUTES, floorTo, HOUR, MINUTE } from '@/lib/history/config';
import { HistoryReader } from '@/lib/history/reader';
import { HistoryRecorder } from '@/lib/history/recorder';
import { makeAlert, makeGroup, makeSnapshot } from '@/testing/history-fleet';
import { ENGINES, openTestStore } from '@/testing/stores';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';

const START = Date.UTC(2026, 9, 1, 6, 3, 0);
const RETENTION = { rawMs: 2 * HOUR, fiveMinuteMs: 6 * HOUR, hourlyMs: DAY, eventsMs: DAY };
const INTERVAL = 10 * MINUTE;

describe.each(ENGINES)('history retention on %s', (engine) => {
  it('prunes each kind past its retention, keeps what is still needed, and charts stay right', async () => {
    const store = await openTestStore(engine);
    try {
      let clock = START;
      const options = { retention: RETENTION, now: () => clock, syncIntervalMs: INTERVAL };
      const recorder = new HistoryRecorder(store, options);
      const groups = [makeGroup('busy'), makeGroup('stable')];
      const open = makeAlert('long', 'quiet', START - HOUR);
      const short = makeAlert('short', 'flappy', START + 10 * MINUTE);
      const end = START + 2.5 * DAY;
      for (let step = 0; clock < end; step += 1, clock += INTERVAL) {
        const flappyOnline = Math.floor((clock - START) / (6 * HOUR)) % 2 === 0;
        const alerts = clock >= START + 10 * MINUTE && clock < START + HOUR ? [open, short] : [open];
        const snapshot = makeSnapshot(
          [
            { id: 'flappy', groupId: 'busy', online: flappyOnline, lastSeenAt: clock - MINUTE },
            { id: 'quiet', groupId: 'stable', securityScore: 77 },
          ],
          {
            groups,
            alerts,
            resolved: [{ ...short, resolved: true, resolvedAt: new Date(START + HOUR).toISOString() }],
          },
        );
        await recorder.record(snapshot, { durationMs: 3, levelRequests: 1, at: clock });
        if (step % 3 === 2) await recorder.maintain();
      }
      clock = end + MINUTE;
      await recorder.maintain();
      const now = clock;

      const min = async (table: 'history_samples' | 'sync_log') =>
        Number(
          (
            await store.db
              .selectFrom(table)
              .select(sql<number>`min(t)`.as('t'))
              .executeTakeFirstOrThrow()
          ).t,
        );
      for (const table of ['history_samples', 'sync_log'] as const) {
        expect(await min(table)).toBeGreaterThanOrEqual(floorTo(now - RETENTION.rawMs, FIVE_MINUTES));
        expect(await min(table)).toBeLessThan(now - RETENTION.rawMs + INTERVAL);
      }
      const rollups = await store.db.selectFrom('history_rollups').selectAll().orderBy('bucket').execute();
      const fiveMinuteCutoff = floorTo(now - RETENTION.fiveMinuteMs, HOUR);
      const hourlyCutoff = floorTo(now - RETENTION.hourlyMs, DAY);
      const of = (resolution: string, scope: string) =>
        rollups.filter((r) => r.resolution === resolution && r.scope === scope).map((r) => r.bucket);
      expect(Math.min(...rollups.filter((r) => r.resolution === '5m').map((r) => r.bucket))).toBe(
        fiveMinuteCutoff,
      );
      expect(Math.min(...rollups.filter((r) => r.resolution === '1h').map((r) => r.bucket))).toBe(
        hourlyCutoff,
      );
      // A scope that never changed keeps one row, moved onto the cut-off so it still carries forward.
      expect(of('5m', 'stable')).toEqual([fiveMinuteCutoff]);
      expect(of('1h', 'stable')).toEqual([hourlyCutoff]);

      const reader = new HistoryReader(store, options);
      const year = await reader.series('stable', { range: '1y' });
      expect(year.points.length).toBeGreaterThan(0);
      expect(Date.parse(year.points[0]?.t ?? '')).toBe(floorTo(hourlyCutoff, 12 * HOUR));
      for (const point of year.points)
        expect(point).toMatchObject({ total: 1, online: 1, securityScore: 77 });
      expect(year.points.every((p) => p.alerts.warning === 1)).toBe(true);

      const transitions = await store.db.selectFrom('device_transitions').select('at').execute();
      expect(transitions.length).toBeGreaterThan(0);
      expect(transitions.every((t) => t.at >= now - RETENTION.eventsMs)).toBe(true);
      // The resolved alert's events are gone; the alert still open keeps its old `opened` event.
      const events = await store.db.selectFrom('alert_events').select(['alert_id', 'kind']).execute();
      expect(events).toEqual([{ alert_id: 'long', kind: 'opened' }]);

      // A restarted recorder still knows the alert is open, and the next runs are quiet.
      clock = end + 2 * MINUTE;
      const restarted = new HistoryRecorder(store, options);
      const result = await restarted.record(
        makeSnapshot(
          [
            { id: 'flappy', groupId: 'busy' },
            { id: 'quiet', groupId: 'stable', securityScore: 77 },
          ],
          {
            groups,
            alerts: [open],
          },
        ),
        { durationMs: 3, levelRequests: 1, at: clock },
      );
      expect(result.alertEvents).toBe(0);
      const again = await restarted.maintain();
      expect(again.pruned).toMatchObject({ fiveMinute: 0, hourly: 0, transitions: 0, alertEvents: 0 });
    } finally {
      await store.close();
    }
  });
});
