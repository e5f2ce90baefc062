import { walkDevices, type DeviceWalk } from '@/lib/fleet/walk-devices';
import { createLevelClient } from '@/lib/level';
import { startSimulator, type RunningSimulator } from '@/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const KEY = 'walk-key-0123456789';
let sim: RunningSimulator;
let requests = 0;
const client = () =>
  createLevelClient({ baseUrl: sim.url, apiKey: KEY, concurrency: 4, onRequest: () => (requests += 1) });

beforeAll(async () => {
  sim = await startSimulator({ devices: 3_000, seed: 9, apiKey: KEY, frozen: true, quiet: true });
});
afterAll(() => sim.close());

const ids = (walk: DeviceWalk) => walk.devices.map((device) => device.id);

describe('walkDevices', () => {
  it('walks serially without a previous order, in Level’s order', async () => {
    requests = 0;
    const walk = await walkDevices(client(), null, 4, () => {});
    expect(walk.devices.length).toBe(3_000);
    expect(walk).toMatchObject({ mode: 'serial', duplicates: 0 });
    expect(requests).toBe(30);
  });

  it('walks in parallel slices from the previous order with the same result and ≤ slices extra pages', async () => {
    const serial = ids(await walkDevices(client(), null, 4, () => {}));
    requests = 0;
    const sliced = ids(await walkDevices(client(), serial, 4, () => {}));
    expect(sliced).toEqual(serial);
    expect(requests).toBeLessThanOrEqual(30 + 4);
  });

  it('still returns every device exactly once after devices (including a slice start) are deleted', async () => {
    const before = ids(await walkDevices(client(), null, 4, () => {}));
    // 749 is the last id of the first slice (the second slice starts after it); 1500 is inside a slice.
    for (const id of [before[749], before[1500], before[2999]]) {
      const response = await fetch(`${sim.url}/devices/${id}`, {
        method: 'DELETE',
        headers: { Authorization: KEY },
      });
      expect(response.status).toBeLessThan(300);
    }
    const truth = ids(await walkDevices(client(), null, 4, () => {}));
    expect(truth.length).toBe(2_997);
    const sliced = ids(await walkDevices(client(), before, 4, () => {}));
    expect(sliced).toEqual(truth);
  });
});
