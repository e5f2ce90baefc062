import { levelDeviceSchema } from '@/lib/level/schemas';
import type { RunningSimulator } from '@/simulator';
import { expectNoViolations, routeCount, startTestSimulator, testClient } from '@/testing/simulator-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('pagination against the simulator', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startTestSimulator(2345);
  });
  afterAll(async () => {
    await expectNoViolations(sim);
    await sim.close();
  });

  it('walks 2,345 devices in exactly 24 requests and returns each device once', async () => {
    const client = testClient(sim);
    const before = routeCount(sim, 'GET /v2/devices');
    const devices = await client.devices.listAll();
    expect(routeCount(sim, 'GET /v2/devices') - before).toBe(24);
    expect(devices).toHaveLength(2345);
    expect(new Set(devices.map((d) => d.id)).size).toBe(2345);
    expect(sim.stats().devices.total).toBe(2345);
    const { online, maintenance } = sim.stats().devices;
    expect(devices.filter((d) => d.maintenanceMode).length).toBe(maintenance);
    expect(devices.filter((d) => d.online && !d.maintenanceMode).length).toBe(online);
  });

  it('yields pages of at most 100 items from the low-level paginate()', async () => {
    const client = testClient(sim);
    const sizes: number[] = [];
    for await (const page of client.paginate('/devices', {}, levelDeviceSchema)) sizes.push(page.length);
    expect(sizes).toHaveLength(24);
    expect(sizes.slice(0, 23).every((n) => n === 100)).toBe(true);
    expect(sizes[23]).toBe(45);
  });

  it('clamps a requested page size above 100', async () => {
    const client = testClient(sim);
    const first = await client
      .paginate('/devices', { limit: '500' }, levelDeviceSchema, { pageSize: 1000 })
      .next();
    expect(first.value).toHaveLength(100);
  });

  it('stops early without fetching further pages when the consumer breaks', async () => {
    const client = testClient(sim);
    const before = routeCount(sim, 'GET /v2/devices');
    let seen = 0;
    for await (const device of client.devices.list()) {
      expect(device.id).toBeTruthy();
      if ((seen += 1) === 150) break;
    }
    expect(routeCount(sim, 'GET /v2/devices') - before).toBe(2);
  });
});
