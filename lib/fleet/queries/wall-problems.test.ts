import { PROBLEM_RANK } from '@/lib/domain/problem-order';
import { wallProblemFacts } from '@/lib/domain/wall-problem-order';
import { listWallProblems } from '@/lib/fleet/queries/wall-problems';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { pseudonym } from '@/lib/redaction/redact';
import { encodeId } from '@/simulator/ids';
import { startFleetHarness, type FleetHarness } from '@/testing/fleet-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let harness: FleetHarness;
let snapshot: FleetSnapshot;
const all = () => true;
// The simulator's clock, moved on by hand so every event has its own time.
let clock = Date.parse('2026-11-20T08:00:00Z');

beforeAll(async () => {
  harness = await startFleetHarness({ devices: 400, seed: 21, now: () => clock });
  // Ten hours of simulated churn: servers down, alerts of every severity, some in maintenance.
  for (let step = 0; step < 60; step += 1) {
    clock += 10 * 60_000;
    harness.sim.state.tick();
  }
  // The churn is realistic, so ten hours may bring no serious problem at 400 devices: add a few
  // of each kind by hand, at different times.
  const live = harness.sim.state.store.devices.filter((device) => device.online && !device.maintenance);
  const servers = live.filter((device) => device.role === 'server').slice(0, 2);
  const workstations = live.filter((device) => device.role === 'workstation').slice(0, 2);
  for (const device of servers) {
    clock += 60_000;
    harness.sim.state.setDeviceStatus(encodeId('Device', device.n), { online: false });
  }
  for (const [index, device] of workstations.entries()) {
    clock += 60_000;
    harness.sim.state.openAlert({
      device_id: encodeId('Device', device.n),
      severity: index === 0 ? 'critical' : 'emergency',
    });
  }
  snapshot = (await harness.service.syncNow()) as FleetSnapshot;
});
afterAll(() => harness.close());

async function resync(): Promise<FleetSnapshot> {
  snapshot = (await harness.service.syncNow()) as FleetSnapshot;
  return snapshot;
}

describe('listWallProblems', () => {
  it('lists exactly the offline servers and the devices with critical or emergency alerts', () => {
    const { problems, total } = listWallProblems(snapshot, all, false);
    expect(total).toBe(problems.length);
    expect(problems.length).toBeGreaterThan(2);
    const expected = snapshot.devices.filter((device) => {
      if (device.maintenanceMode) return false;
      const serverDown = !device.online && (device.role === 'server' || device.role === 'domain_controller');
      const serious = (snapshot.activeAlertsByDevice.get(device.id) ?? []).some(
        (alert) => alert.severity === 'critical' || alert.severity === 'emergency',
      );
      return serverDown || serious;
    });
    expect(new Set(problems.map((p) => p.deviceId))).toEqual(new Set(expected.map((d) => d.id)));
    for (const problem of problems) {
      expect(problem.alerts.every((alert) => ['critical', 'emergency'].includes(alert.severity))).toBe(true);
    }
  });

  it('orders severity first, oldest first within a rank, and dates each row by its worst reason', async () => {
    const server = snapshot.devices.find(
      (device) => device.role === 'server' && device.online && !device.maintenanceMode && device.groupId,
    );
    const workstation = snapshot.devices.find(
      (device) => device.role === 'workstation' && device.online && !device.maintenanceMode,
    );
    if (!server || !workstation) throw new Error('fixture needs an online server and workstation');
    clock += 60_000;
    harness.sim.state.setDeviceStatus(server.id, { online: false });
    const opened = harness.sim.state.openAlert({
      device_id: workstation.id,
      severity: 'emergency',
      name: 'Wall test alert',
    }) as { id: string };
    await resync();
    const { problems } = listWallProblems(snapshot, all, false);
    const down = problems.find((p) => p.deviceId === server.id);
    expect(down?.offline?.since).toBeTruthy();
    expect(down?.clientName).toBeTruthy();
    const alerted = problems.find((p) => p.deviceId === workstation.id);
    expect(alerted?.alerts[0]).toMatchObject({
      id: opened.id,
      name: 'Wall test alert',
      severity: 'emergency',
    });
    // The newest emergency is above every critical and every server outage, however old.
    const firstBelowEmergency = problems.findIndex((p) => !p.alerts.some((a) => a.severity === 'emergency'));
    expect(problems.findIndex((p) => p.deviceId === workstation.id)).toBeLessThan(firstBelowEmergency);
    const facts = problems.map(wallProblemFacts);
    for (let n = 1; n < facts.length; n += 1) {
      const [before, after] = [facts[n - 1], facts[n]];
      if (!before || !after) continue;
      expect(before.rank).toBeGreaterThanOrEqual(after.rank);
      if (before.rank === after.rank && before.since !== null && after.since !== null)
        expect(before.since).toBeLessThanOrEqual(after.since);
      expect(problems[n]?.since).toBe(after.since === null ? null : new Date(after.since).toISOString());
    }
    // The just-downed server is the newest of its rank: last among the offline servers.
    const servers = problems.filter((p) => wallProblemFacts(p).rank === PROBLEM_RANK.offline_server);
    expect(servers.at(-1)?.deviceId).toBe(server.id);

    harness.sim.state.setDeviceStatus(server.id, { maintenance_mode: true });
    await resync();
    expect(listWallProblems(snapshot, all, false).problems.some((p) => p.deviceId === server.id)).toBe(false);
  });

  it('keeps to the scope and hides names when redacted', () => {
    const { problems } = listWallProblems(snapshot, all, false);
    const first = problems[0];
    if (!first) throw new Error('fixture needs a problem');
    const scoped = listWallProblems(snapshot, (device) => device.id === first.deviceId, true);
    expect(scoped.total).toBe(1);
    expect(scoped.problems[0]?.deviceName).toBe(pseudonym(first.deviceId));
    expect(JSON.stringify(scoped)).not.toContain(first.deviceName);
  });

  it('stops at the limit keeping the worst, not the newest, and counts everything', () => {
    const full = listWallProblems(snapshot, all, false);
    const capped = listWallProblems(snapshot, all, false, 2);
    expect(capped.problems).toHaveLength(2);
    expect(capped.total).toBe(full.total);
    expect(capped.problems.map((p) => p.deviceId)).toEqual(full.problems.slice(0, 2).map((p) => p.deviceId));
    expect(capped.problems[0]?.alerts.some((a) => a.severity === 'emergency')).toBe(true);
  });
});
