import {
  withAlertsResolved,
  withDeviceFromLevel,
  withDevicesMoved,
  withDevicesUngrouped,
  withGroups,
  withTagAdded,
  withTagRemoved,
  withTagRenamed,
} from '@/lib/actions/fleet-patches';
import type { Alert, Group } from '@/lib/domain/level';
import type { FleetData } from '@/lib/fleet/snapshot';
import { makeDevice } from '@/testing/history-fleet';
import { describe, expect, it } from 'vitest';

const group = (id: string, name: string, parentId: string | null = null): Group => ({
  id,
  name,
  parentId,
  childIds: [],
  deviceCount: null,
  descendentDeviceCount: null,
});
const alert = (id: string, deviceId: string): Alert => ({
  id,
  deviceId,
  deviceHostname: null,
  name: 'Disk full',
  description: null,
  payload: null,
  severity: 'critical',
  resolved: false,
  startedAt: '2026-11-26T08:00:00.000Z',
  resolvedAt: null,
});

function fleet(): FleetData {
  return {
    devices: [
      { ...makeDevice({ id: 'd1', groupId: 'g1' }), groupName: 'Acme', tags: ['vip'] },
      { ...makeDevice({ id: 'd2', groupId: 'g2' }), groupName: 'Beta', tags: [] },
      makeDevice({ id: 'd3' }),
    ],
    groups: [group('g1', 'Acme'), group('g2', 'Beta')],
    activeAlerts: [alert('a1', 'd1'), alert('a2', 'd2')],
    recentResolvedAlerts: [],
    tags: [{ id: 't1', name: 'vip', deviceCount: 1 }],
  };
}

const byId = (data: FleetData, id: string) => data.devices.find((device) => device.id === id);

describe('fleet patches after admin actions', () => {
  it('takes the fields Level returned for an edited device and nothing it did not send', () => {
    const data = fleet();
    const fresh = { ...byId(data, 'd1')!, nickname: 'Front desk', displayName: 'Front desk', notes: 'Spare' };
    const next = withDeviceFromLevel(data, { ...fresh, extraFromLevel: 1 } as typeof fresh);
    expect(byId(next, 'd1')).toMatchObject({
      nickname: 'Front desk',
      displayName: 'Front desk',
      notes: 'Spare',
    });
    expect(byId(next, 'd1')).not.toHaveProperty('extraFromLevel');
    expect(byId(next, 'd2')).toBe(byId(data, 'd2'));
  });

  it('moves devices into a group with its name, and ungroups only members of the named group', () => {
    const moved = withDevicesMoved(fleet(), ['d2', 'd3'], 'g1');
    expect(byId(moved, 'd3')).toMatchObject({ groupId: 'g1', groupName: 'Acme' });
    const ungrouped = withDevicesUngrouped(moved, ['d1', 'd2'], 'g2');
    expect(byId(ungrouped, 'd1')).toMatchObject({ groupId: 'g1' });
    expect(byId(ungrouped, 'd2')).toMatchObject({ groupId: 'g1' });
    const out = withDevicesUngrouped(moved, ['d1'], 'g1');
    expect(byId(out, 'd1')).toMatchObject({ groupId: null, groupName: null });
  });

  it('renames group names on devices and ungroups the devices of a deleted group', () => {
    const next = withGroups(fleet(), [group('g1', 'Acme Corp')]);
    expect(byId(next, 'd1')).toMatchObject({ groupId: 'g1', groupName: 'Acme Corp' });
    expect(byId(next, 'd2')).toMatchObject({ groupId: null, groupName: null });
    expect(next.groups.map((g) => g.id)).toEqual(['g1']);
  });

  it('adds, renames and removes tag names on devices without duplicates', () => {
    let data = withTagAdded(fleet(), ['d1', 'd2'], 'vip');
    expect(byId(data, 'd1')?.tags).toEqual(['vip']);
    expect(byId(data, 'd2')?.tags).toEqual(['vip']);
    data = withTagRenamed(data, 'vip', 'VIP 🚀');
    expect(byId(data, 'd2')?.tags).toEqual(['VIP 🚀']);
    data = withTagRemoved(data, ['d2'], 'VIP 🚀');
    expect(byId(data, 'd2')?.tags).toEqual([]);
    expect(byId(data, 'd1')?.tags).toEqual(['VIP 🚀']);
    expect(byId(withTagRemoved(data, null, 'VIP 🚀'), 'd1')?.tags).toEqual([]);
  });

  it('moves resolved alerts from active to the front of recently resolved', () => {
    const now = new Date('2026-11-26T09:00:00.000Z');
    const next = withAlertsResolved(fleet(), [alert('a1', 'd1')], now);
    expect(next.activeAlerts.map((a) => a.id)).toEqual(['a2']);
    expect(next.recentResolvedAlerts[0]).toMatchObject({
      id: 'a1',
      resolved: true,
      resolvedAt: now.toISOString(),
    });
  });
});
