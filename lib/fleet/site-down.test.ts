import type { Device } from '@/lib/domain/device';
import { listWallProblems } from '@/lib/fleet/queries/wall-problems';
import { findSitesDown, SITE_DOWN_DEFAULTS } from '@/lib/fleet/site-down';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { encodeId } from '@/simulator/ids';
import { startFleetHarness, type FleetHarness } from '@/testing/fleet-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-20T08:00:00Z');

function device(
  id: string,
  groupId: string,
  online: boolean,
  seenMinutes: number,
  extra: Partial<Device> = {},
) {
  return {
    id,
    groupId,
    online,
    maintenanceMode: false,
    lastSeenAt: new Date(T0 + seenMinutes * MINUTE).toISOString(),
    ...extra,
  } as Device;
}

const group = (groupId: string, offline: number[], online: number, extra: Partial<Device> = {}) => [
  ...offline.map((minute, n) => device(`${groupId}-off-${n}`, groupId, false, minute, extra)),
  ...Array.from({ length: online }, (_, n) => device(`${groupId}-on-${n}`, groupId, true, 600)),
];

describe('findSitesDown', () => {
  it('finds a group whose devices went offline together: count, share and window', () => {
    const devices = [
      ...group('site', [0, 1, 2, 3, 8], 4), // 5 of 9 within 8 minutes: down
      ...group('small', [0, 1, 2, 3], 0), // 4 devices: below the minimum count
      ...group('big', [0, 1, 2, 3, 4, 5], 7), // 6 of 13: below half
      ...group('slow', [0, 20, 40, 60, 80], 0), // one every 20 minutes: not together
    ];
    expect(findSitesDown(devices, SITE_DOWN_DEFAULTS)).toEqual([
      {
        groupId: 'site',
        deviceIds: ['site-off-0', 'site-off-1', 'site-off-2', 'site-off-3', 'site-off-4'],
        monitored: 9,
        since: new Date(T0).toISOString(),
      },
    ]);
  });

  it('leaves devices in maintenance out of the count', () => {
    const devices = [
      ...group('site', [0, 1, 2, 3, 4], 0),
      ...group('site', [], 8).map((d) => ({ ...d, maintenanceMode: true })),
    ];
    expect(findSitesDown(devices, SITE_DOWN_DEFAULTS).map((site) => site.monitored)).toEqual([5]);
  });
});

describe('site down on the wall', () => {
  let harness: FleetHarness;
  let clock = T0;
  let snapshot: FleetSnapshot;
  let site: { id: string; devices: number[] };

  beforeAll(async () => {
    harness = await startFleetHarness({ devices: 300, seed: 7, frozen: true, now: () => clock });
    const store = harness.sim.state.store;
    // The group with the most monitored devices, all online, goes down over five minutes.
    const byGroup = new Map<number, number[]>();
    for (const stored of store.devices)
      if (stored.groupN !== null && !stored.maintenance)
        byGroup.set(stored.groupN, [...(byGroup.get(stored.groupN) ?? []), stored.n]);
    const [groupN, members] = [...byGroup].sort((a, b) => b[1].length - a[1].length)[0]!;
    site = { id: encodeId('Group', groupN), devices: members };
    for (const n of members) harness.sim.state.setDeviceStatus(encodeId('Device', n), { online: true });
    clock += 60 * MINUTE;
    for (const n of members) {
      clock += 5_000;
      harness.sim.state.setDeviceStatus(encodeId('Device', n), { online: false });
    }
    snapshot = (await harness.service.syncNow()) as FleetSnapshot;
  });
  afterAll(() => harness.close());

  it('shows one "site down" problem for the group, with the count and since when, not a row per device', () => {
    const { problems } = listWallProblems(snapshot, () => true, false);
    const down = problems.filter((problem) => problem.kind === 'site_down');
    expect(down).toHaveLength(1);
    const [problem] = down;
    const node = snapshot.groupNodes.get(site.id);
    expect(problem).toEqual({
      kind: 'site_down',
      deviceId: `site:${site.id}`,
      deviceName: node?.name,
      role: null,
      clientId: node?.clientId,
      clientName: snapshot.groupNodes.get(node?.clientId ?? '')?.name,
      groupPath: node?.path,
      offline: { since: new Date(T0 + 60 * MINUTE + 5_000).toISOString() },
      alerts: [],
      latestAt: new Date(T0 + 60 * MINUTE + 5_000).toISOString(),
      since: new Date(T0 + 60 * MINUTE + 5_000).toISOString(),
      site: {
        groupId: site.id,
        offline: site.devices.length,
        monitored: site.devices.length,
        since: new Date(T0 + 60 * MINUTE + 5_000).toISOString(),
      },
    });
    const members = new Set(site.devices.map((n) => encodeId('Device', n)));
    expect(problems.filter((row) => members.has(row.deviceId))).toEqual([]);
  });

  it("is computed within the caller's scope: a scope without the group sees no site down", () => {
    const outside = (device: Device) => device.groupId !== site.id;
    expect(listWallProblems(snapshot, outside, false).problems.some((p) => p.kind === 'site_down')).toBe(
      false,
    );
  });
});
