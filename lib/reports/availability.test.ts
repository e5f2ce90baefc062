import { clientReportSettingsSchema } from '@/lib/domain/report-settings';
import { HistoryRecorder } from '@/lib/history';
import { computeClientAvailability, type AvailabilityDevice } from '@/lib/reports/availability';
import { DAY, deviceWithOutages, HOUR, MINUTE, seedReportHistory } from '@/testing/report-history';
import { ENGINES, openTestStore } from '@/testing/stores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// June 2026 in Europe/Berlin (UTC+2 all month): 1 June is a Monday; 22 weekdays. Seeded history
// with outages at known times; every expected figure below is worked out by hand, in minutes.
const Z = (day: number, hour: number, minute = 0) => Date.UTC(2026, 5, day, hour, minute); // UTC
const L = (day: number, hour: number, minute = 0) => Z(day, hour - 2, minute); // Berlin wall clock
const PERIOD = { start: L(1, 0), end: L(31, 0) }; // 31 May 22:00Z – 30 June 22:00Z
const NOW = Z(40, 0); // well after the period
const MIN = (minutes: number) => minutes * MINUTE;
const ALL = 30 * 24 * 60; // 43,200 minutes in the period
const BUSINESS = 22 * 10 * 60; // 22 weekdays × 08:00–18:00 = 13,200 minutes

// Levelboard was not running on Wednesday 10 June 10:00–12:00 local. Syncs come every minute and
// one vouches for at most the 2-minute sync gap, so the last sync (09:59) covers until 10:01: the
// unknown stretch is 10:01–12:00 = 119 minutes, inside business hours, for every device seen then.
const GAP = { start: L(10, 10), end: L(10, 12) };
const UNKNOWN_GAP = 119;

const SETTINGS = clientReportSettingsSchema.parse({
  timeZone: 'Europe/Berlin',
  businessHours: { days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' },
  slaTargets: { serversPct: 99.9, workstationsPct: 99.5 },
});

const DEVICES: AvailabilityDevice[] = [
  { id: 'srv-1', name: 'SRV-1', deviceClass: 'server' },
  { id: 'srv-2', name: 'DC-2', deviceClass: 'server' },
  { id: 'srv-3', name: 'SRV-3', deviceClass: 'server' },
  { id: 'ws-1', name: 'WS-1', deviceClass: 'workstation' },
  { id: 'ws-2', name: 'WS-2', deviceClass: 'workstation' },
  { id: 'ws-3', name: 'WS-3', deviceClass: 'workstation' },
];

const BEFORE = PERIOD.start - 10 * DAY;

async function seed(store: Awaited<ReturnType<typeof openTestStore>>) {
  await seedReportHistory(store, {
    devices: [
      // Tue 2 June 14:00–15:30 local (business hours, 90 min); Sat 6 June 03:00–05:00 (120 min, weekend).
      deviceWithOutages('srv-1', BEFORE, [
        { start: L(2, 14), end: L(2, 15, 30) },
        { start: L(6, 3), end: L(6, 5) },
      ]),
      // Maintenance Thu 11 June 09:00–12:00 local (180 min): neither up nor down.
      deviceWithOutages('srv-2', BEFORE, [{ start: L(11, 9), end: L(11, 12), status: 'maintenance' }]),
      // Offline from Tue 30 June 17:00 local and still offline at the period's end (22:00 = +7 h).
      deviceWithOutages('srv-3', BEFORE, [{ start: L(30, 17), end: null }]),
      // First seen Mon 15 June 00:00 local: the 14 days before are unknown (the gap is among them).
      deviceWithOutages('ws-1', L(15, 0), []),
      // Off Fri 19 June 18:30 local to Mon 22 June 08:30: 62 h; in business hours only Mon 08:00–08:30.
      deviceWithOutages('ws-2', BEFORE, [{ start: L(19, 18, 30), end: L(22, 8, 30) }]),
      // ws-3 is in the client but Levelboard never recorded it: all unknown.
    ],
    coverage: { from: BEFORE, to: PERIOD.end, gaps: [GAP] },
  });
}

describe.each(ENGINES)('client availability on %s', (engine) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeEach(async () => {
    store = await openTestStore(engine);
    await seed(store);
  });
  afterEach(async () => {
    await store.close();
  });

  const run = (hours: 'all' | 'business') =>
    computeClientAvailability(store, {
      clientId: 'client-1',
      devices: DEVICES,
      period: PERIOD,
      hours,
      settings: SETTINGS,
      now: NOW,
    });

  it('measures every device and the client over all hours', async () => {
    const result = await run('all');
    const byId = new Map(result.devices.map((device) => [device.deviceId, device]));
    const minutes = (id: string) => {
      const d = byId.get(id)!;
      return [d.upMs, d.downMs, d.maintenanceMs, d.unknownMs].map((ms) => ms / MINUTE);
    };
    // srv-1: down 90 + 120 = 210; unknown 119; up 43,200 − 210 − 119 = 42,871.
    expect(minutes('srv-1')).toEqual([42_871, 210, 0, UNKNOWN_GAP]);
    // srv-2: maintenance 180; up 43,200 − 180 − 119 = 42,901; availability 100 %.
    expect(minutes('srv-2')).toEqual([42_901, 0, 180, UNKNOWN_GAP]);
    // srv-3: down 7 h = 420; up 43,200 − 420 − 119 = 42,661.
    expect(minutes('srv-3')).toEqual([42_661, 420, 0, UNKNOWN_GAP]);
    // ws-1: unknown the first 14 days = 20,160 (the gap lies inside them); up 43,200 − 20,160 = 23,040.
    expect(minutes('ws-1')).toEqual([23_040, 0, 0, 20_160]);
    // ws-2: down 62 h = 3,720; up 43,200 − 3,720 − 119 = 39,361.
    expect(minutes('ws-2')).toEqual([39_361, 3_720, 0, UNKNOWN_GAP]);
    expect(minutes('ws-3')).toEqual([0, 0, 0, ALL]);

    // 42,871 ÷ (42,871 + 210) = 99.5125 %; 42,661 ÷ 43,081 = 99.0251 %; 39,361 ÷ 43,081 = 91.3651 %.
    expect(byId.get('srv-1')!.availabilityPct).toBeCloseTo((42_871 / 43_081) * 100, 9);
    expect(byId.get('srv-2')!.availabilityPct).toBe(100);
    expect(byId.get('srv-3')!.availabilityPct).toBeCloseTo((42_661 / 43_081) * 100, 9);
    expect(byId.get('ws-1')!.availabilityPct).toBe(100);
    expect(byId.get('ws-2')!.availabilityPct).toBeCloseTo((39_361 / 43_081) * 100, 9);
    expect(byId.get('ws-3')!.availabilityPct).toBeNull();

    // Servers: up 42,871 + 42,901 + 42,661 = 128,433; down 210 + 420 = 630 → 99.5119 %.
    const servers = result.classes.server;
    expect([servers.upMs, servers.downMs, servers.maintenanceMs, servers.unknownMs]).toEqual(
      [128_433, 630, 180, 3 * UNKNOWN_GAP].map(MIN),
    );
    expect(servers.availabilityPct).toBeCloseTo((128_433 / 129_063) * 100, 9);
    // Below 99.9 %, worst first: srv-3 (99.03 %), then srv-1 (99.51 %); srv-2 is at 100 %.
    expect(servers.breaches.map((device) => device.deviceId)).toEqual(['srv-3', 'srv-1']);
    expect(servers.breaches[0]!.incidents).toEqual([
      { deviceId: 'srv-3', start: L(30, 17), end: PERIOD.end, durationMs: MIN(420), ongoing: true },
    ]);
    expect(servers.breaches[1]!.incidents).toEqual([
      { deviceId: 'srv-1', start: L(2, 14), end: L(2, 15, 30), durationMs: MIN(90), ongoing: false },
      { deviceId: 'srv-1', start: L(6, 3), end: L(6, 5), durationMs: MIN(120), ongoing: false },
    ]);

    // Workstations: up 23,040 + 39,361 = 62,401; down 3,720 → 94.374 %; target 99.5 %: ws-2 breaches.
    const workstations = result.classes.workstation;
    expect([workstations.upMs, workstations.downMs, workstations.unknownMs]).toEqual(
      [62_401, 3_720, 20_160 + UNKNOWN_GAP + ALL].map(MIN),
    );
    expect(workstations.devices).toBe(3);
    expect(workstations.breaches.map((device) => device.deviceId)).toEqual(['ws-2']);
    // Client: up 128,433 + 62,401 = 190,834; down 630 + 3,720 = 4,350.
    expect(result.overall.upMs).toBe(MIN(190_834));
    expect(result.overall.downMs).toBe(MIN(4_350));
    expect(result.overall.availabilityPct).toBeCloseTo((190_834 / 195_184) * 100, 9);
    expect([result.start, result.end, result.timeZone]).toEqual([PERIOD.start, PERIOD.end, 'Europe/Berlin']);
  });

  it('counts business hours only for the business-hours SLA', async () => {
    const result = await run('business');
    const byId = new Map(result.devices.map((device) => [device.deviceId, device]));
    const minutes = (id: string) => {
      const d = byId.get(id)!;
      return [d.upMs, d.downMs, d.maintenanceMs, d.unknownMs].map((ms) => ms / MINUTE);
    };
    // srv-1: only the Tuesday outage counts (90); the gap 119; up 13,200 − 209 = 12,991.
    expect(minutes('srv-1')).toEqual([12_991, 90, 0, UNKNOWN_GAP]);
    // srv-2: maintenance 09:00–12:00 on a Thursday = 180; up 13,200 − 299 = 12,901.
    expect(minutes('srv-2')).toEqual([12_901, 0, 180, UNKNOWN_GAP]);
    // srv-3: down 17:00–18:00 on Tuesday 30 June = 60; up 13,200 − 179 = 13,021.
    expect(minutes('srv-3')).toEqual([13_021, 60, 0, UNKNOWN_GAP]);
    // ws-1: unknown 10 weekdays before 15 June × 600 = 6,000; up 13,200 − 6,000 = 7,200.
    expect(minutes('ws-1')).toEqual([7_200, 0, 0, 6_000]);
    // ws-2: Friday's 18:30 is after hours; Monday 08:00–08:30 = 30; up 13,200 − 149 = 13,051.
    expect(minutes('ws-2')).toEqual([13_051, 30, 0, UNKNOWN_GAP]);
    expect(minutes('ws-3')).toEqual([0, 0, 0, BUSINESS]);

    // The weekend outage of srv-1 counts nothing in business hours, so it is not an incident here.
    expect(byId.get('srv-1')!.incidents).toEqual([
      { deviceId: 'srv-1', start: L(2, 14), end: L(2, 15, 30), durationMs: MIN(90), ongoing: false },
    ]);
    // srv-3's outage is still open at the end; 60 business minutes of its 7 hours count.
    expect(byId.get('srv-3')!.incidents).toEqual([
      { deviceId: 'srv-3', start: L(30, 17), end: PERIOD.end, durationMs: MIN(60), ongoing: true },
    ]);
    // 12,991 ÷ 13,081 = 99.312 % and 13,021 ÷ 13,081 = 99.541 %: both below 99.9 %, srv-1 worst.
    expect(result.classes.server.breaches.map((device) => device.deviceId)).toEqual(['srv-1', 'srv-3']);
    // ws-2: 13,051 ÷ 13,081 = 99.771 % ≥ 99.5 %: no workstation breach in business hours.
    expect(byId.get('ws-2')!.availabilityPct).toBeCloseTo((13_051 / 13_081) * 100, 9);
    expect(result.classes.workstation.breaches).toEqual([]);
    expect(result.hours).toBe('business');
  });

  it('gives the same figures once the raw sync log is rolled up and pruned by the retention', async () => {
    // A month later the server has rolled the syncs into the fleet's 5-minute and hourly rollups
    // and pruned the raw log (48 h) and the 5-minute rows before 10 June (30 days): coverage now
    // comes from the rollups' watched share. The gap's edges fall inside one 5-minute bucket
    // (08:00–08:05Z watched 1 minute of 5), so every figure must be what it was.
    const before = await run('business');
    const beforeAll = await run('all');
    const maintained = await new HistoryRecorder(store, { now: () => NOW }).maintain();
    expect(maintained.pruned.syncs).toBeGreaterThan(40_000);
    expect(await store.db.selectFrom('sync_log').select('t').execute()).toEqual([]);
    for (const [earlier, later] of [
      [before, await run('business')],
      [beforeAll, await run('all')],
    ] as const) {
      for (const [i, device] of earlier.devices.entries()) {
        const now = later.devices[i]!;
        for (const key of ['upMs', 'downMs', 'maintenanceMs', 'unknownMs'] as const)
          expect(now[key], `${device.deviceId} ${key}`).toBeCloseTo(device[key], 3);
        expect(now.incidents.map((incident) => [incident.start, incident.end, incident.ongoing])).toEqual(
          device.incidents.map((incident) => [incident.start, incident.end, incident.ongoing]),
        );
      }
    }
  });

  it('reads the status in force inside a window with no change from the next change after it', async () => {
    // Saturday 20 June (local): ws-2 is offline from Friday 18:30 to Monday 08:30, so the whole
    // day is down (24 h = 1,440 min) and still open at the window's end; srv-1 has no change
    // until July (none at all after 6 June): up all day.
    const result = await computeClientAvailability(store, {
      clientId: 'client-1',
      devices: DEVICES.filter((device) => device.id === 'ws-2' || device.id === 'srv-1'),
      period: { start: L(20, 0), end: L(21, 0) },
      hours: 'all',
      settings: SETTINGS,
      now: NOW,
    });
    const [srv1, ws2] = result.devices;
    expect([srv1!.upMs, srv1!.downMs]).toEqual([MIN(1_440), 0]);
    expect([ws2!.upMs, ws2!.downMs]).toEqual([0, MIN(1_440)]);
    expect(ws2!.incidents).toEqual([
      { deviceId: 'ws-2', start: L(20, 0), end: L(21, 0), durationMs: MIN(1_440), ongoing: true },
    ]);
  });

  it('measures only up to now in the current period, an open outage ongoing at now', async () => {
    // Now = Tue 30 June 19:00 local: srv-3 has been down 2 h (17:00–19:00), still ongoing.
    const result = await computeClientAvailability(store, {
      clientId: 'client-1',
      devices: DEVICES.filter((device) => device.id === 'srv-3'),
      period: PERIOD,
      hours: 'all',
      settings: SETTINGS,
      now: L(30, 19),
    });
    const srv3 = result.devices[0]!;
    expect(result.end).toBe(L(30, 19));
    // 29 days 19 h = 43,200 − 300 = 42,900 minutes measured: down 120, unknown 119, up 42,661.
    expect([srv3.upMs, srv3.downMs, srv3.unknownMs].map((ms) => ms / MINUTE)).toEqual([
      42_661,
      120,
      UNKNOWN_GAP,
    ]);
    expect(srv3.incidents).toEqual([
      { deviceId: 'srv-3', start: L(30, 17), end: L(30, 19), durationMs: MIN(120), ongoing: true },
    ]);
  });
});

describe.each(ENGINES)('business-hours SLA across a DST change and a midnight on %s', (engine) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(async () => {
    await store.close();
  });

  it('counts the short night of 28–29 March 2026 in Berlin as 7 hours', async () => {
    // Business hours every night 22:00–06:00 local. Period Sat 28 March 00:00 CET (27 Mar 23:00Z)
    // to Mon 30 March 00:00 CEST (29 Mar 22:00Z): 47 real hours, the clocks jump 02:00 → 03:00.
    // Counted: Fri night's tail 00:00–06:00 CET = 6 h; Sat 22:00 CET (21:00Z) – Sun 06:00 CEST
    // (04:00Z) = 7 h; Sun 22:00 CEST (20:00Z) – period end 22:00Z = 2 h. Total 15 h.
    const period = { start: Date.UTC(2026, 2, 27, 23), end: Date.UTC(2026, 2, 29, 22) };
    // Offline Sat 23:30 CET (22:30Z) to Sun 04:00 CEST (02:00Z): 3.5 real hours, all counted.
    await seedReportHistory(store, {
      devices: [
        deviceWithOutages('srv', period.start - DAY, [
          { start: Date.UTC(2026, 2, 28, 22, 30), end: Date.UTC(2026, 2, 29, 2) },
        ]),
      ],
      coverage: { from: period.start - DAY, to: period.end },
    });
    const settings = clientReportSettingsSchema.parse({
      timeZone: 'Europe/Berlin',
      businessHours: { days: [1, 2, 3, 4, 5, 6, 7], from: '22:00', to: '06:00' },
    });
    const input = {
      clientId: 'c',
      devices: [{ id: 'srv', name: 'SRV', deviceClass: 'server' as const }],
      period,
      settings,
      now: period.end + DAY,
    };
    const business = await computeClientAvailability(store, { ...input, hours: 'business' });
    const device = business.devices[0]!;
    // up 15 − 3.5 = 11.5 h; availability 11.5 ÷ 15 = 76.667 %.
    expect([device.upMs, device.downMs, device.unknownMs]).toEqual([11.5 * HOUR, 3.5 * HOUR, 0]);
    expect(device.availabilityPct).toBeCloseTo((11.5 / 15) * 100, 9);
    // All hours: 47 h measured, up 43.5 h.
    const all = await computeClientAvailability(store, { ...input, hours: 'all' });
    expect([all.devices[0]!.upMs, all.devices[0]!.downMs]).toEqual([43.5 * HOUR, 3.5 * HOUR]);
  });
});
