import { STEP_MS } from '@/simulator/churn';
import { generateFleet } from '@/simulator/fleet-generator';
import { SimulatorState } from '@/simulator/state';
import { FIXED_NOW } from '@/testing/simulator-harness';
import { describe, expect, it } from 'vitest';

const DAY_STEPS = 86_400_000 / STEP_MS;

/** Runs `steps` evolution steps on a generated fleet, counting what a sync would see change. */
function simulate(devices: number, steps: number) {
  let clock = FIXED_NOW;
  const store = generateFleet({ devices, seed: 7, nowMs: clock });
  const state = new SimulatorState(store, 7, true, () => clock);
  const counts = {
    workstationOffline: 0,
    serverOffline: 0,
    maintenance: 0,
    changesPerMinute: [] as number[],
  };
  const alertsBefore = store.next.alert;
  let minute = 0;
  for (let step = 1; step <= steps; step++) {
    const online = store.devices.map((d) => d.online);
    const maintenance = store.devices.map((d) => d.maintenance);
    const active = new Set(store.activeAlerts);
    clock += STEP_MS;
    state.tick();
    store.devices.forEach((d, i) => {
      if (online[i] !== d.online) minute += 1;
      if (online[i] && !d.online)
        counts[d.role === 'workstation' ? 'workstationOffline' : 'serverOffline'] += 1;
      if (maintenance[i] !== d.maintenance) {
        counts.maintenance += 1;
        minute += 1;
      }
    });
    for (const alert of store.activeAlerts) if (!active.delete(alert)) minute += 1;
    minute += active.size;
    if (step % (60_000 / STEP_MS) === 0) {
      counts.changesPerMinute.push(minute);
      minute = 0;
    }
  }
  const byRole = (server: boolean) => store.devices.filter((d) => (d.role !== 'workstation') === server);
  const offlineShare = (list: typeof store.devices) => list.filter((d) => !d.online).length / list.length;
  return {
    ...counts,
    alertsOpened: store.next.alert - alertsBefore,
    workstations: byRole(false).length,
    servers: byRole(true).length,
    workstationOfflineShare: offlineShare(byRole(false)),
    serverOfflineShare: offlineShare(byRole(true)),
  };
}

describe('simulator churn (simulated time, one step per 10 s)', () => {
  it('matches an MSP fleet over a day: workstations offline ~daily, servers ~weekly, an alert every few days', () => {
    const day = simulate(5_000, DAY_STEPS);
    expect(day.workstationOffline / day.workstations).toBeGreaterThan(0.8);
    expect(day.workstationOffline / day.workstations).toBeLessThan(1.25);
    expect(day.serverOffline / day.servers).toBeGreaterThan(0.05);
    expect(day.serverOffline / day.servers).toBeLessThan(0.3);
    expect(day.alertsOpened / 5_000).toBeGreaterThan(0.15);
    expect(day.alertsOpened / 5_000).toBeLessThan(0.5);
    expect(day.maintenance / 5_000).toBeLessThan(0.1);
    // Same offline shares as the generated fleet (long-gone devices included).
    expect(day.workstationOfflineShare).toBeGreaterThan(0.05);
    expect(day.workstationOfflineShare).toBeLessThan(0.11);
    expect(day.serverOfflineShare).toBeLessThan(0.03);
  });

  it('keeps a 1,000-device demo visibly alive: most minutes see a status or alert change', () => {
    const hour = simulate(1_000, DAY_STEPS / 24);
    const lively = hour.changesPerMinute.filter((n) => n > 0).length;
    expect(hour.changesPerMinute).toHaveLength(60);
    expect(lively).toBeGreaterThanOrEqual(40);
  });
});
