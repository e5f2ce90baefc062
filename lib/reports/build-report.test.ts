import { NotFoundError } from '@/lib/domain/errors';
import { buildClientReport } from '@/lib/reports/build-report';
import { monthPeriod } from '@/lib/reports/period';
import { DEC, NOV, NOW, at, reportFixtureSnapshot, seedReportFixture } from '@/testing/report-fixture';
import { ENGINES, openTestStore } from '@/testing/stores';
import { describe, expect, it } from 'vitest';

const MIN = 60_000;
const DAY = 86_400_000;

describe.each(ENGINES)('buildClientReport on %s', (engine) => {
  it('computes the figures of a seeded November by hand', async () => {
    const store = await openTestStore(engine);
    try {
      await seedReportFixture(store);
      const snapshot = reportFixtureSnapshot();
      const period = monthPeriod('2026-11', 'UTC');
      expect(period).toEqual({ start: NOV, end: DEC });
      const report = await buildClientReport(store, snapshot, 'c1', period, NOW);

      expect(report.clientName).toBe('Acme Dental');
      expect(report.periodKey).toBe('2026-11');
      expect(report.periodLabel).toBe('November 2026');
      // The client is c1 and its sub-group: 3 servers (srv1, srv2 the DC, srv3) and 3 workstations.
      expect(report.inventory).toEqual({
        devices: 6,
        servers: 3,
        workstations: 3,
        online: 4,
        offline: 1,
        maintenance: 1,
      });

      // November = 30 d = 43,200 min, all of it watched (a sync every minute).
      // srv1: down 3 h + 30 min = 210 min, up 43,200 − 210 = 42,990 min.
      // srv2: a day in maintenance (1,440 min excluded), up 41,760, never down → 100 %.
      // srv3: in maintenance all month → nothing measured.
      const byId = new Map(report.availability.devices.map((d) => [d.deviceId, d]));
      expect(byId.get('srv1')).toMatchObject({ upMs: 42_990 * MIN, downMs: 210 * MIN, unknownMs: 0 });
      expect(byId.get('srv1')?.availabilityPct).toBeCloseTo((42_990 / 43_200) * 100, 9);
      expect(byId.get('srv2')).toMatchObject({
        upMs: 41_760 * MIN,
        downMs: 0,
        maintenanceMs: 1_440 * MIN,
        availabilityPct: 100,
      });
      expect(byId.get('srv3')).toMatchObject({ maintenanceMs: 43_200 * MIN, availabilityPct: null });
      // ws1: 14 h offline (840 min); ws2 first seen on the 25th: 24 d unknown, 6 d (8,640 min) up;
      // ws3 offline all month.
      expect(byId.get('ws1')).toMatchObject({ upMs: 42_360 * MIN, downMs: 840 * MIN });
      expect(byId.get('ws2')).toMatchObject({ upMs: 8_640 * MIN, downMs: 0, unknownMs: 24 * DAY });
      expect(byId.get('ws3')).toMatchObject({ upMs: 0, downMs: 43_200 * MIN });
      expect(byId.has('other1')).toBe(false);

      // Servers: up 42,990 + 41,760 = 84,750, down 210 → 84,750 ÷ 84,960 = 99.7528… % < 99.9 target.
      const servers = report.availability.classes.server;
      expect(servers.availabilityPct).toBeCloseTo((84_750 / 84_960) * 100, 9);
      expect(servers.targetPct).toBe(99.9);
      expect(servers.breaches.map((b) => b.deviceId)).toEqual(['srv1']);
      // Workstations: up 42,360 + 8,640 = 51,000, down 840 + 43,200 = 44,040 → 53.66… %.
      expect(report.availability.classes.workstation.availabilityPct).toBeCloseTo((51_000 / 95_040) * 100, 9);
      // All: up 135,750, down 44,250 → 75.41… %.
      expect(report.availability.overall.availabilityPct).toBeCloseTo((135_750 / 180_000) * 100, 9);

      // Incidents, servers first, then longest first: srv1 3 h, srv1 30 min, ws3 (all month,
      // ongoing), ws1 14 h.
      expect(report.incidentCount).toBe(4);
      expect(report.incidents.map((i) => [i.deviceId, i.durationMs / MIN, i.ongoing])).toEqual([
        ['srv1', 180, false],
        ['srv1', 30, false],
        ['ws3', 43_200, true],
        ['ws1', 840, false],
      ]);
      expect(report.incidents[0]).toMatchObject({ start: at(10, 2), end: at(10, 5) });

      // Alerts opened in November on c1: srv1 critical, warning, emergency; ws1 warning = 4. Resolved
      // in November: a1, a2, a4 and a5 (opened in October) = 4. other1's alerts are another client's.
      expect(report.alerts.opened).toBe(4);
      expect(report.alerts.resolved).toBe(4);
      expect(report.alerts.bySeverity).toEqual({ information: 0, warning: 2, critical: 1, emergency: 1 });
      expect(report.alerts.noisyDevices).toEqual([
        { deviceId: 'srv1', name: 'SRV1', alerts: 3, severe: 2 },
        { deviceId: 'ws1', name: 'WS1', alerts: 1, severe: 0 },
      ]);

      // Patches known for srv1, srv2, ws1, ws2; srv1 and ws2 have none pending → 2 of 4 = 50 %.
      // Pending 3 + 2 = 5, failed 1 (srv2), oldest pending srv2's 1 Sep.
      expect(report.patches).toMatchObject({
        devices: 6,
        known: 4,
        fullyPatched: 2,
        compliancePct: 50,
        pending: 5,
        failed: 1,
        devicesWithFailed: 1,
        oldestPendingAt: '2026-09-01T00:00:00.000Z',
      });
      expect(report.patches.worstDevices.map((d) => d.deviceId)).toEqual(['srv2', 'ws1']);

      // Security checks over the 4 devices with security fields (5 each = 20):
      // srv1 5, srv2 3 (high risk, unencrypted), ws1 2 (medium risk ok, encrypted ok), ws2 5 → 15 = 75 %.
      expect(report.security.checksPassedPct).toBe(75);
      // Scores 80, 40, 30, 90 → mean 60.
      expect(report.security.averageScore).toBe(60);
      expect(report.security.figures.highRisk).toBe(1);
      // The trend: three samples, average 50, 55, 60 and compliance 25, 50, 50.
      expect(report.security.trend.map((p) => [p.averageScore, p.patchCompliancePct])).toEqual([
        [50, 25],
        [55, 50],
        [60, 50],
      ]);

      // Added: lap7 enrolled on the 5th (since removed), ws1 moved in on the 8th, ws2 first seen on
      // the 25th. (ws3, seen on 1 Sep, was in Levelboard's first sync: its starting inventory.)
      expect(report.added.map((d) => [d.deviceId, d.at])).toEqual([
        ['lap7', at(5, 10)],
        ['ws1', at(8)],
        ['ws2', at(25)],
      ]);
      expect(report.addedCount).toBe(3);
      // Removed: old-srv retired on the 12th, lap7 gone on the 18th, ws-moved moved out on the 20th;
      // not old-oct (October), dec-gone (December) nor other-gone (another client's).
      expect(report.removed.map((d) => [d.deviceId, d.name, d.deviceClass, d.at, d.reason])).toEqual([
        ['old-srv', 'OLD-SRV', 'server', at(12, 9), 'removed'],
        ['lap7', 'LAP7', 'workstation', at(18), 'removed'],
        ['ws-moved', 'WS-MOVED', 'workstation', at(20, 14), 'moved'],
      ]);
      expect(report.removedCount).toBe(3);
      // srv3 in maintenance since 1 Oct = 61 d before 1 Dec (> 14); ws3 offline since 1 Sep = 91 d (> 30).
      expect(report.longMaintenance.map((d) => [d.deviceId, d.days])).toEqual([['srv3', 61]]);
      expect(report.longOfflineWorkstations.map((d) => [d.deviceId, d.days])).toEqual([['ws3', 91]]);

      // Score: availability (99.75282… − 95) ÷ 5 × 100 = 95.0565 × 40 = 3,802.26;
      // patching 50 × 25 = 1,250; security 75 × 25 = 1,875;
      // alerts: weighted 2 × 1 (warning) + 2 (critical) + 3 (emergency) = 7 over 6 devices →
      // 100 − 20 × 7/6 = 76.667 × 10 = 766.67. Sum 7,693.93 ÷ 100 = 76.94 → 77, "good".
      expect(report.score.components.map((c) => c.score)).toEqual([
        expect.closeTo((((84_750 / 84_960) * 100 - 95) / 5) * 100, 9),
        50,
        75,
        expect.closeTo(100 - (20 * 7) / 6, 9),
      ]);
      expect(report.score).toMatchObject({ score: 77, band: 'good' });
    } finally {
      await store.close();
    }
  });

  it('answers NotFound for a sub-group or an unknown id', async () => {
    const store = await openTestStore(engine);
    try {
      const snapshot = reportFixtureSnapshot();
      const period = monthPeriod('2026-11', 'UTC');
      await expect(buildClientReport(store, snapshot, 'c1-sub', period, NOW)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(buildClientReport(store, snapshot, 'nope', period, NOW)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    } finally {
      await store.close();
    }
  });
});
