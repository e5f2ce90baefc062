import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { startFleetHarness, type FleetHarness } from '@/testing/fleet-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Expected figures come from the simulator's own HTTP filters (ancestor_group_id, group_id=null),
// an independent path from the snapshot's group totals code.
let harness: FleetHarness;
let snapshot: FleetSnapshot;

interface RawDevice {
  online: boolean;
  maintenance_mode: boolean;
}

async function rawDevices(query: string): Promise<RawDevice[]> {
  const out: RawDevice[] = [];
  let after = '';
  for (;;) {
    const response = await fetch(`${harness.sim.url}/devices?limit=100&${query}${after}`, {
      headers: { Authorization: 'harness-key-0123456789' },
    });
    const page = (await response.json()) as { data: (RawDevice & { id: string })[]; has_more: boolean };
    out.push(...page.data);
    if (!page.has_more) return out;
    after = `&starting_after=${page.data.at(-1)?.id}`;
  }
}

function counts(devices: RawDevice[]) {
  return {
    total: devices.length,
    online: devices.filter((d) => d.online && !d.maintenance_mode).length,
    offline: devices.filter((d) => !d.online && !d.maintenance_mode).length,
    maintenance: devices.filter((d) => d.maintenance_mode).length,
  };
}

beforeAll(async () => {
  harness = await startFleetHarness({ devices: 900, seed: 11 });
  const synced = await harness.service.syncNow();
  if (!synced) throw new Error('sync failed');
  snapshot = synced;
});
afterAll(() => harness.close());

describe('snapshot group totals', () => {
  it('has nested groups, ungrouped devices and maintenance in the fixture', () => {
    expect([...snapshot.groupNodes.values()].some((node) => node.depth >= 2)).toBe(true);
    expect(snapshot.ungrouped.devices.total).toBeGreaterThan(0);
    expect(snapshot.totals.devices.maintenance).toBeGreaterThan(0);
  });

  it('matches Level’s subtree filter for every group', async () => {
    for (const node of snapshot.groupNodes.values()) {
      const expected = counts(await rawDevices(`ancestor_group_id=${node.id}`));
      expect({ group: node.path.join(' / '), ...node.subtree.devices }).toEqual({
        group: node.path.join(' / '),
        ...expected,
      });
    }
  });

  it('matches Level’s own direct and descendant device counts', () => {
    for (const group of snapshot.groups) {
      const node = snapshot.groupNodes.get(group.id);
      expect(node?.direct.devices.total).toBe(group.deviceCount);
      expect(node?.subtree.devices.total).toBe(group.descendentDeviceCount);
    }
  });

  it('counts ungrouped devices like Level’s group_id=null filter', async () => {
    expect(snapshot.ungrouped.devices).toEqual(counts(await rawDevices('group_id=null')));
  });

  it('adds clients and ungrouped up to the fleet totals', () => {
    const sum = snapshot.clientIds.reduce(
      (total, id) => total + (snapshot.groupNodes.get(id)?.subtree.devices.total ?? 0),
      snapshot.ungrouped.devices.total,
    );
    expect(sum).toBe(snapshot.totals.devices.total);
  });

  it('rolls active alerts into each client by severity', () => {
    const bySeverity = { information: 0, warning: 0, critical: 0, emergency: 0 };
    for (const id of snapshot.clientIds) {
      const alerts = snapshot.groupNodes.get(id)?.subtree.alerts;
      for (const key of Object.keys(bySeverity) as (keyof typeof bySeverity)[])
        bySeverity[key] += alerts?.[key] ?? 0;
    }
    for (const key of Object.keys(bySeverity) as (keyof typeof bySeverity)[])
      bySeverity[key] += snapshot.ungrouped.alerts[key];
    expect(bySeverity).toEqual(harness.sim.stats().alerts.active);
  });
});
