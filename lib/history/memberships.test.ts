import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { HistoryRecorder } from '@/lib/history/recorder';
import { buildClientReport } from '@/lib/reports/build-report';
import { monthPeriod } from '@/lib/reports/period';
import { startFleetHarness, type FleetHarness } from '@/testing/fleet-harness';
import { ENGINES, openTestStore } from '@/testing/stores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// Which client each device is in, and when a device left one, recorded from real syncs of the
// simulator over HTTP: the report's "removed in the period" rests on it (issue 20).

type TestStore = Awaited<ReturnType<typeof openTestStore>>;

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const KEY = 'memberships-key-0123456789';

/** Each device's top-level group, worked out from the groups' parent links (not the snapshot's index). */
function clientsOf(snapshot: FleetSnapshot): Map<string, string | null> {
  const parent = new Map(snapshot.groups.map((g) => [g.id, g.parentId]));
  const root = (groupId: string): string => {
    let id = groupId;
    for (let up = parent.get(id); up; up = parent.get(id)) id = up;
    return id;
  };
  return new Map(snapshot.devices.map((d) => [d.id, d.groupId === null ? null : root(d.groupId)]));
}

/** Servers and DCs are servers, everything else a workstation (stated here, not imported). */
const classOf = (device: { role: string | null }) =>
  device.role === 'server' || device.role === 'domain_controller' ? 'server' : 'workstation';

describe.each(ENGINES)('client memberships on %s', (engine) => {
  let store: TestStore;
  let harness: FleetHarness;
  let clock = T0;

  beforeEach(async () => {
    clock = T0;
    store = await openTestStore(engine);
    harness = await startFleetHarness({ devices: 120, seed: 33, now: () => clock, apiKey: KEY });
  });
  afterEach(async () => {
    await harness.close();
    await store.close();
  });

  async function syncAndRecord(recorder: HistoryRecorder) {
    const snapshot = (await harness.service.syncNow()) as FleetSnapshot;
    await recorder.record(snapshot, { durationMs: 40, levelRequests: 3, at: clock });
    return snapshot;
  }

  /** A write to Level's API, as an admin in Level's own UI would make it. */
  async function level(method: 'PATCH' | 'DELETE', path: string, body?: unknown) {
    const response = await fetch(`${harness.sim.url}${path}`, {
      method,
      headers: { Authorization: KEY, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
  }

  const memberships = async () =>
    new Map(
      (await store.db.selectFrom('device_memberships').selectAll().execute()).map((row) => [
        row.device_id,
        row,
      ]),
    );
  const departures = () =>
    store.db.selectFrom('client_departures').selectAll().orderBy('device_id').execute();

  it('keeps each device’s client, and records removals and moves once, across restarts', async () => {
    const first = await syncAndRecord(new HistoryRecorder(store));
    const clients = clientsOf(first);
    const recorded = await memberships();
    expect(recorded.size).toBe(first.devices.length);
    for (const device of first.devices)
      expect(recorded.get(device.id)).toMatchObject({
        client_id: clients.get(device.id),
        name: device.displayName,
        joined_at: T0,
      });
    expect(await departures()).toEqual([]);

    // Two devices of one client: one deleted in Level, one moved to another client's group; a
    // third moved within its own client (no departure) and a fourth renamed (no departure).
    const clientIds = first.clientIds.filter((id) => first.devices.some((d) => clients.get(d.id) === id));
    const [home, away] = clientIds as [string, string];
    const homeDevices = first.devices.filter((d) => clients.get(d.id) === home);
    const [removed, moved, renamed] = homeDevices as [
      (typeof homeDevices)[0],
      (typeof homeDevices)[0],
      (typeof homeDevices)[0],
    ];
    const withinTarget = first.devices.find(
      (d) => clients.get(d.id) !== null && clients.get(d.id) !== home && d.groupId !== clients.get(d.id),
    );
    const within = first.devices.find(
      (d) =>
        withinTarget &&
        clients.get(d.id) === clients.get(withinTarget.id) &&
        d.groupId !== withinTarget.groupId,
    );
    expect(within, 'a device to move within its client').toBeDefined();
    expect(withinTarget?.groupId).toBeTruthy();

    clock = T0 + 20 * 60_000;
    await level('DELETE', `/devices/${removed.id}`);
    await level('PATCH', `/devices/${moved.id}`, { group_id: away });
    await level('PATCH', `/devices/${within!.id}`, { group_id: withinTarget!.groupId });
    await level('PATCH', `/devices/${renamed.id}`, { name: 'Front desk PC' });
    clock = T0 + 21 * 60_000;
    const t1 = clock;
    await syncAndRecord(new HistoryRecorder(store));

    expect(await departures()).toEqual(
      [
        {
          client_id: home,
          device_id: removed.id,
          left_at: t1,
          joined_at: T0,
          name: removed.displayName,
          device_class: classOf(removed),
          reason: 'removed',
        },
        {
          client_id: home,
          device_id: moved.id,
          left_at: t1,
          joined_at: T0,
          name: moved.displayName,
          device_class: classOf(moved),
          reason: 'moved',
        },
      ].sort((a, b) => a.device_id.localeCompare(b.device_id)),
    );
    const after = await memberships();
    expect(after.has(removed.id)).toBe(false);
    expect(after.get(moved.id)).toMatchObject({ client_id: away, joined_at: t1 });
    expect(after.get(within!.id)).toMatchObject({ client_id: clients.get(within!.id), joined_at: T0 });
    expect(after.get(renamed.id)).toMatchObject({ client_id: home, name: 'Front desk PC', joined_at: T0 });

    // A restart and two quiet syncs: nothing is recorded twice.
    clock += 30_000;
    await syncAndRecord(new HistoryRecorder(store));
    clock += 30_000;
    const last = await syncAndRecord(new HistoryRecorder(store));
    expect(await departures()).toHaveLength(2);

    // The month's reports: the home client lost both; the other client gained the moved one.
    const period = monthPeriod('2026-03', 'UTC');
    const homeReport = await buildClientReport(store, last, home, period, clock);
    expect(homeReport.removed.map((d) => [d.deviceId, d.at, d.reason]).sort()).toEqual(
      [
        [removed.id, t1, 'removed'],
        [moved.id, t1, 'moved'],
      ].sort(),
    );
    expect(homeReport.added).toEqual([]);
    const awayReport = await buildClientReport(store, last, away, period, clock);
    expect(awayReport.added.map((d) => [d.deviceId, d.at])).toEqual([[moved.id, t1]]);
    expect(awayReport.removed).toEqual([]);
    // February knows nothing of it.
    const february = await buildClientReport(store, last, home, monthPeriod('2026-02', 'UTC'), clock);
    expect([february.addedCount, february.removedCount]).toEqual([0, 0]);
  });

  it('on a database recorded before memberships existed, dates them from the first sighting', async () => {
    await syncAndRecord(new HistoryRecorder(store));
    // As after upgrading from a version that kept device_states only.
    await store.db.deleteFrom('device_memberships').execute();
    clock = T0 + 5 * 86_400_000;
    const snapshot = await syncAndRecord(new HistoryRecorder(store));
    const rows = await memberships();
    expect(rows.size).toBe(snapshot.devices.length);
    expect([...rows.values()].every((row) => row.joined_at === T0)).toBe(true);
    expect(await departures()).toEqual([]);
    const report = await buildClientReport(
      store,
      snapshot,
      snapshot.clientIds[0]!,
      monthPeriod('2026-03', 'UTC'),
      clock,
    );
    expect(report.addedCount).toBe(0);
  });
});
