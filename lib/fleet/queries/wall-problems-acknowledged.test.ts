import { lookupOf } from '@/lib/acknowledgements/acknowledged';
import { liveProblemKeys } from '@/lib/acknowledgements/live-keys';
import { alertListQuery } from '@/lib/api/schemas/alerts';
import { alertProblemKey, offlineProblemKey } from '@/lib/domain/acknowledgement';
import { listAlerts } from '@/lib/fleet/queries/alert-list';
import { listWallProblems } from '@/lib/fleet/queries/wall-problems';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { encodeId } from '@/simulator/ids';
import { startFleetHarness, type FleetHarness } from '@/testing/fleet-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Acknowledgements as the read routes carry them: per reason, per row, hidden notes on redacted
// links, and a server that comes back and goes down again is a new, unacknowledged problem.

let harness: FleetHarness;
let clock = Date.parse('2026-12-06T08:00:00Z');
const all = () => true;
const AT = Date.parse('2026-12-06T10:42:00Z');
let server = '';
let workstation = '';

const sync = async () => (await harness.service.syncNow()) as FleetSnapshot;

beforeAll(async () => {
  harness = await startFleetHarness({ devices: 60, seed: 5, now: () => clock });
  const live = harness.sim.state.store.devices.filter((device) => device.online && !device.maintenance);
  const s = live.find((device) => device.role === 'server');
  const w = live.find((device) => device.role === 'workstation');
  if (!s || !w) throw new Error('fixture needs an online server and workstation');
  server = encodeId('Device', s.n);
  workstation = encodeId('Device', w.n);
  clock += 60_000;
  harness.sim.state.setDeviceStatus(server, { online: false });
  harness.sim.state.openAlert({ device_id: workstation, severity: 'critical' });
  harness.sim.state.openAlert({ device_id: workstation, severity: 'emergency' });
});
afterAll(() => harness.close());

describe('acknowledged problems', () => {
  it('marks acknowledged reasons, and a row only when every reason is', async () => {
    const snapshot = await sync();
    const device = snapshot.deviceById.get(server);
    const alerts = (snapshot.activeAlertsByDevice.get(workstation) ?? []).filter(
      (alert) => alert.severity === 'critical' || alert.severity === 'emergency',
    );
    expect(alerts.length).toBeGreaterThanOrEqual(2);
    const [first, second] = alerts;
    const rows = [
      { key: offlineProblemKey(server, device?.lastSeenAt ?? null), by: 'admin', note: 'ISP called', at: AT },
      { key: alertProblemKey(first?.id ?? ''), by: 'admin', note: 'on it', at: AT },
    ];
    const keys = liveProblemKeys(snapshot);
    for (const row of rows) expect(keys.has(row.key)).toBe(true);

    const { problems } = listWallProblems(snapshot, all, false, undefined, lookupOf(rows));
    const down = problems.find((problem) => problem.deviceId === server);
    expect(down?.offline?.acknowledged).toEqual({ note: 'ISP called', at: '2026-12-06T10:42:00.000Z' });
    expect(down?.acknowledged).toEqual({ note: 'ISP called', at: '2026-12-06T10:42:00.000Z' });
    const busy = problems.find((problem) => problem.deviceId === workstation);
    expect(busy?.alerts.find((alert) => alert.id === first?.id)?.acknowledged?.note).toBe('on it');
    expect(busy?.alerts.find((alert) => alert.id === second?.id)?.acknowledged).toBeNull();
    expect(busy?.acknowledged).toBeNull();

    const redacted = listWallProblems(snapshot, all, true, undefined, lookupOf(rows)).problems;
    expect(redacted.find((problem) => problem.deviceId === server)?.acknowledged).toEqual({
      note: null,
      at: '2026-12-06T10:42:00.000Z',
    });

    const page = listAlerts(snapshot, alertListQuery.parse({ limit: '500' }), all, false, lookupOf(rows));
    expect(page.data.find((row) => row.id === first?.id)?.acknowledged?.note).toBe('on it');
    expect(page.data.find((row) => row.id === second?.id)?.acknowledged).toBeNull();
  });

  it('does not carry over to the next outage of the same server', async () => {
    const before = await sync();
    const key = offlineProblemKey(server, before.deviceById.get(server)?.lastSeenAt ?? null);
    const rows = [{ key, by: 'admin', note: null, at: AT }];
    clock += 10 * 60_000;
    harness.sim.state.setDeviceStatus(server, { online: true });
    clock += 10 * 60_000;
    harness.sim.state.tick();
    harness.sim.state.setDeviceStatus(server, { online: false });
    const after = await sync();
    expect(liveProblemKeys(after).has(key)).toBe(false);
    const down = listWallProblems(after, all, false, undefined, lookupOf(rows)).problems.find(
      (problem) => problem.deviceId === server,
    );
    expect(down?.offline).not.toBeNull();
    expect(down?.acknowledged).toBeNull();
  });
});
