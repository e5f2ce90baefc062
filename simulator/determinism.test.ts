import { generateFleet } from '@/simulator/fleet-generator';
import { alertJson, deviceJson, groupJson } from '@/simulator/serialize';
import type { FleetStore } from '@/simulator/store';
import { boot, FIXED_NOW } from '@/testing/simulator-harness';
import { describe, expect, it } from 'vitest';

const ALL = {
  operatingSystem: true,
  cpus: true,
  memory: true,
  disks: true,
  networkInterfaces: true,
  motherboard: true,
  security: true,
};
const dump = (store: FleetStore): string =>
  JSON.stringify({
    devices: store.devices.map((d) => deviceJson(store, d, ALL)),
    groups: store.groups.map((g) => groupJson(store, g)),
    alerts: store.alerts.map(alertJson),
    values: [...store.cfValues].map(([n, values]) => [n, [...values]]),
    automations: store.automations,
  });

describe('determinism', () => {
  it('same seed and clock → identical fleet; another seed → another fleet', () => {
    const a = dump(generateFleet({ devices: 700, seed: 42, nowMs: FIXED_NOW }));
    expect(dump(generateFleet({ devices: 700, seed: 42, nowMs: FIXED_NOW }))).toBe(a);
    expect(dump(generateFleet({ devices: 700, seed: 43, nowMs: FIXED_NOW }))).not.toBe(a);
  });

  it('two servers with the same seed serve the same devices', async () => {
    const [one, two] = await Promise.all([boot({ devices: 120, seed: 8 }), boot({ devices: 120, seed: 8 })]);
    try {
      const query = '/devices?include_operating_system=true&include_security=true';
      expect(await one.walk(query)).toEqual(await two.walk(query));
    } finally {
      await Promise.all([one.sim.close(), two.sim.close()]);
    }
  });

  it.each([10, 11, 37])('builds a valid small fleet of %i devices', (devices) => {
    const store = generateFleet({ devices, seed: 1, nowMs: FIXED_NOW });
    expect(store.devices).toHaveLength(devices);
    expect(store.groups.filter((g) => g.parentN === null).length).toBeGreaterThanOrEqual(3);
    expect(store.ungrouped.length).toBeGreaterThanOrEqual(1);
  });
});

describe('realism at 5,000 devices', () => {
  const store = generateFleet({ devices: 5_000, seed: 1, nowMs: FIXED_NOW });
  const share = (predicate: (d: FleetStore['devices'][number]) => boolean): number =>
    store.devices.filter(predicate).length / store.devices.length;

  it('has the intended platform and role mix', () => {
    expect(share((d) => d.platform === 'Windows')).toBeGreaterThan(0.64);
    expect(share((d) => d.platform === 'Windows')).toBeLessThan(0.76);
    expect(share((d) => d.platform === 'Mac')).toBeGreaterThan(0.13);
    expect(share((d) => d.platform === 'Mac')).toBeLessThan(0.23);
    expect(share((d) => d.platform === 'Linux')).toBeGreaterThan(0.08);
    expect(share((d) => d.platform === 'Linux')).toBeLessThan(0.16);
    expect(share((d) => d.role !== 'workstation')).toBeGreaterThan(0.05);
    expect(share((d) => d.role !== 'workstation')).toBeLessThan(0.11);
    expect(store.devices.some((d) => d.role === 'domain_controller' && d.hostname.includes('-SRV-DC'))).toBe(
      true,
    );
  });

  it('has plausible availability and grouping', () => {
    expect(share((d) => !d.online)).toBeGreaterThan(0.05);
    expect(share((d) => !d.online)).toBeLessThan(0.12);
    expect(share((d) => d.maintenance)).toBeGreaterThan(0.005);
    expect(share((d) => d.maintenance)).toBeLessThan(0.04);
    expect(share((d) => d.groupN === null)).toBeCloseTo(0.02, 2);
    const roots = store.groups.filter((g) => g.parentN === null);
    expect(roots.length).toBeGreaterThan(100);
    expect(store.groups.some((g) => store.lineage(g.n).length >= 3)).toBe(true);
    expect(new Set(store.devices.map((d) => d.hostname.toLowerCase())).size).toBe(store.devices.length);
    const offline = store.devices.filter((d) => !d.online);
    expect(offline.some((d) => FIXED_NOW - d.lastSeenMs > 30 * 86_400_000)).toBe(true);
  });

  it('has active and resolved alerts of every severity', () => {
    const active = new Set([...store.activeAlerts].map((a) => a.severity));
    expect(active).toEqual(new Set(['information', 'warning', 'critical', 'emergency']));
    expect(store.alerts.length - store.activeAlerts.size).toBeGreaterThan(store.activeAlerts.size);
  });
});
