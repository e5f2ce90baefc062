import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { HistoryRecorder } from '@/lib/history/recorder';
import { startFleetHarness, type FleetHarness } from '@/testing/fleet-harness';
import { makeSnapshot } from '@/testing/history-fleet';
import { ENGINES, openTestStore } from '@/testing/stores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

describe.each(ENGINES)('history recording on %s', (engine) => {
  let store: TestStore;
  let harness: FleetHarness;
  let clock = T0;

  beforeEach(async () => {
    clock = T0;
    store = await openTestStore(engine);
    harness = await startFleetHarness({ devices: 150, seed: 21, now: () => clock });
  });
  afterEach(async () => {
    await harness.close();
    await store.close();
  });

  /** A real sync through the simulator, recorded as happening at the simulated `clock`. */
  async function syncAndRecord(recorder: HistoryRecorder) {
    const snapshot = (await harness.service.syncNow()) as FleetSnapshot;
    const result = await recorder.record(snapshot, { durationMs: 40, levelRequests: 3, at: clock });
    return { snapshot, result };
  }

  const transitions = () =>
    store.db
      .selectFrom('device_transitions')
      .select(['device_id', 'at', 'from_status', 'to_status'])
      .orderBy('id')
      .execute();

  const pickOnline = (snapshot: FleetSnapshot, count: number) =>
    snapshot.devices
      .filter((d) => d.online && !d.maintenanceMode)
      .slice(0, count)
      .map((d) => d.id);

  it('records a first sync without transitions, then exactly the flips with their times', async () => {
    const recorder = new HistoryRecorder(store, { now: () => clock });
    const first = await syncAndRecord(recorder);
    expect(first.result).toMatchObject({ transitions: 0, skipped: false });
    expect(await transitions()).toEqual([]);
    const states = await store.db.selectFrom('device_states').selectAll().execute();
    expect(states).toHaveLength(first.snapshot.devices.length);
    expect(states.every((s) => s.seen_at === T0)).toBe(true);

    const [a, b, c] = pickOnline(first.snapshot, 3) as [string, string, string];
    clock = T0 + 12_000;
    harness.sim.state.setDeviceStatus(a, { online: false });
    harness.sim.state.setDeviceStatus(b, { maintenance_mode: true });
    // Down and up again between two syncs: no net change, nothing to record.
    harness.sim.state.setDeviceStatus(c, { online: false });
    harness.sim.state.setDeviceStatus(c, { online: true });
    clock = T0 + 30_000;
    const second = await syncAndRecord(recorder);
    expect(second.result.transitions).toBe(2);

    clock = T0 + 41_000;
    harness.sim.state.setDeviceStatus(a, { online: true });
    harness.sim.state.setDeviceStatus(b, { maintenance_mode: false });
    clock = T0 + 60_000;
    await syncAndRecord(recorder);

    // Online/offline edges are dated by Level's last-seen time; maintenance by the sync that saw it.
    expect(await transitions()).toEqual([
      { device_id: a, at: T0 + 12_000, from_status: 'online', to_status: 'offline' },
      { device_id: b, at: T0 + 30_000, from_status: 'online', to_status: 'maintenance' },
      { device_id: a, at: T0 + 41_000, from_status: 'offline', to_status: 'online' },
      { device_id: b, at: T0 + 60_000, from_status: 'maintenance', to_status: 'online' },
    ]);
    const stateA = await store.db
      .selectFrom('device_states')
      .selectAll()
      .where('device_id', '=', a)
      .executeTakeFirst();
    expect(stateA).toEqual({ device_id: a, status: 'online', since: T0 + 41_000, seen_at: T0 });
  });

  it('continues from the database after a restart: no burst, and changes made while down are seen', async () => {
    const first = await syncAndRecord(new HistoryRecorder(store));
    clock += 30_000;
    await syncAndRecord(new HistoryRecorder(store));
    expect(await transitions()).toEqual([]);

    const [a] = pickOnline(first.snapshot, 1) as [string];
    clock += 20_000;
    harness.sim.state.setDeviceStatus(a, { online: false });
    const downAt = clock;
    clock += 15 * 60_000;
    // A fresh recorder, as after a restart that took a quarter of an hour.
    const { result } = await syncAndRecord(new HistoryRecorder(store));
    expect(result).toMatchObject({ transitions: 1, alertEvents: 0 });
    expect(await transitions()).toEqual([
      { device_id: a, at: downAt, from_status: 'online', to_status: 'offline' },
    ]);
  });

  it('records alerts opened and resolved once each, with Level’s times, across restarts', async () => {
    const recorder = new HistoryRecorder(store);
    const first = await syncAndRecord(recorder);
    const initial = await store.db.selectFrom('alert_events').selectAll().execute();
    // Alerts already open are recorded at their real start, so "what changed lately" stays honest.
    expect(initial).toHaveLength(first.snapshot.activeAlerts.length);
    expect(initial.every((e) => e.kind === 'opened' && e.at <= T0)).toBe(true);

    const [device] = pickOnline(first.snapshot, 1) as [string];
    clock = T0 + 7_000;
    const opened = harness.sim.state.openAlert({
      device_id: device,
      severity: 'critical',
      name: 'Disk full',
    });
    clock = T0 + 30_000;
    expect((await syncAndRecord(recorder)).result.alertEvents).toBe(1);

    clock = T0 + 44_000;
    harness.sim.state.resolveAlert(String(opened.id));
    clock = T0 + 60_000;
    expect((await syncAndRecord(new HistoryRecorder(store))).result.alertEvents).toBe(1);
    clock = T0 + 90_000;
    expect((await syncAndRecord(new HistoryRecorder(store))).result.alertEvents).toBe(0);

    const events = await store.db
      .selectFrom('alert_events')
      .select(['device_id', 'kind', 'at', 'severity', 'name'])
      .where('alert_id', '=', String(opened.id))
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { device_id: device, kind: 'opened', at: T0 + 7_000, severity: 'critical', name: 'Disk full' },
      { device_id: device, kind: 'resolved', at: T0 + 44_000, severity: 'critical', name: 'Disk full' },
    ]);
  });

  it('writes a sample per group subtree and the fleet, then only changes and one per 5 minutes', async () => {
    const recorder = new HistoryRecorder(store);
    const { snapshot, result } = await syncAndRecord(recorder);
    expect(result.samples).toBe(snapshot.groupNodes.size + 1);
    const fleet = await store.db
      .selectFrom('history_samples')
      .selectAll()
      .where('scope', '=', 'fleet')
      .executeTakeFirstOrThrow();
    const scores = snapshot.devices.flatMap((d) => (d.securityScore === null ? [] : [d.securityScore]));
    expect(fleet).toEqual({
      scope: 'fleet',
      t: T0,
      total: snapshot.totals.devices.total,
      online: snapshot.totals.devices.online,
      offline: snapshot.totals.devices.offline,
      maintenance: snapshot.totals.devices.maintenance,
      alerts_information: snapshot.totals.alerts.information,
      alerts_warning: snapshot.totals.alerts.warning,
      alerts_critical: snapshot.totals.alerts.critical,
      alerts_emergency: snapshot.totals.alerts.emergency,
      security_sum: scores.reduce((sum, s) => sum + s, 0),
      security_count: scores.length,
    });

    clock = T0 + 30_000;
    expect((await syncAndRecord(recorder)).result.samples).toBe(0);

    const device = snapshot.devices.find((d) => d.online && !d.maintenanceMode && d.groupId);
    const node = snapshot.groupNodes.get(device?.groupId ?? '');
    harness.sim.state.setDeviceStatus(device?.id ?? '', { online: false });
    clock = T0 + 60_000;
    const changed = await syncAndRecord(recorder);
    // The fleet, the device's group and each of its ancestors.
    expect(changed.result.samples).toBe(1 + (node?.path.length ?? 0));

    clock = T0 + 5 * 60_000;
    expect((await syncAndRecord(recorder)).result.samples).toBe(snapshot.groupNodes.size + 1);
  });

  it('skips a sync already recorded (a replay or another replica), and forgets devices Level dropped', async () => {
    const recorder = new HistoryRecorder(store);
    const { snapshot } = await syncAndRecord(recorder);
    expect((await recorder.record(snapshot, { durationMs: 1, levelRequests: 1, at: clock })).skipped).toBe(
      true,
    );
    expect(await store.db.selectFrom('sync_log').selectAll().execute()).toHaveLength(1);

    const removed = snapshot.devices[0]?.id ?? '';
    const partial: FleetSnapshot = { ...snapshot, devices: snapshot.devices.slice(1) };
    clock += 30_000;
    await recorder.record(partial, { durationMs: 1, levelRequests: 1, at: clock });
    const gone = await store.db
      .selectFrom('device_states')
      .selectAll()
      .where('device_id', '=', removed)
      .execute();
    expect(gone).toEqual([]);
    clock += 30_000;
    await recorder.record(snapshot, { durationMs: 1, levelRequests: 1, at: clock });
    const back = await store.db
      .selectFrom('device_states')
      .selectAll()
      .where('device_id', '=', removed)
      .execute();
    expect(back[0]?.seen_at).toBe(clock);
    expect(await transitions()).toEqual([]);
  });
});

describe.each(ENGINES)('history recording across replicas on %s', (engine) => {
  it('re-reads the database when another replica recorded in between (no repeated or missed changes)', async () => {
    const store = await openTestStore(engine);
    try {
      const a = new HistoryRecorder(store);
      const b = new HistoryRecorder(store);
      const up = makeSnapshot([{ id: 'x' }, { id: 'y' }]);
      const down = makeSnapshot([{ id: 'x', online: false, lastSeenAt: T0 + 50_000 }, { id: 'y' }]);
      await a.record(up, { durationMs: 1, levelRequests: 1, at: T0 });
      // Leadership moves to b, which sees x go down; then back to a, whose memory is out of date.
      await b.record(down, { durationMs: 1, levelRequests: 1, at: T0 + 60_000 });
      const back = await a.record(down, { durationMs: 1, levelRequests: 1, at: T0 + 90_000 });
      expect(back).toMatchObject({ transitions: 0, skipped: false });
      expect((await a.record(up, { durationMs: 1, levelRequests: 1, at: T0 + 120_000 })).transitions).toBe(1);
      const rows = await store.db
        .selectFrom('device_transitions')
        .select(['device_id', 'to_status'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { device_id: 'x', to_status: 'offline' },
        { device_id: 'x', to_status: 'online' },
      ]);
    } finally {
      await store.close();
    }
  });
});
