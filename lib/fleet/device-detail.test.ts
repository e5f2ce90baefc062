import { DeviceDetailCache } from '@/lib/fleet/device-detail';
import { createLevelClient } from '@/lib/level';
import { startSimulator, type RunningSimulator } from '@/lib/level/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const KEY = 'detail-key-0123456789';
let sim: RunningSimulator;
let requests = 0;
let now = 1_000_000;
let cache: DeviceDetailCache;
let deviceId: string;

beforeAll(async () => {
  sim = await startSimulator({ devices: 50, seed: 2, apiKey: KEY, frozen: true, quiet: true });
  const client = createLevelClient({ baseUrl: sim.url, apiKey: KEY, onRequest: () => (requests += 1) });
  cache = new DeviceDetailCache(
    () => client,
    () => now,
  );
  deviceId = (await client.devices.listAll())[0]?.id ?? '';
});
afterAll(() => sim.close());

describe('DeviceDetailCache', () => {
  it('fetches detail with every include flag, once for any number of concurrent viewers', async () => {
    requests = 0;
    const results = await Promise.all(Array.from({ length: 30 }, () => cache.get(deviceId)));
    expect(requests).toBe(1);
    expect(results[0]?.operatingSystem).toBeTruthy();
    expect(results[0]?.diskPartitions?.length).toBeGreaterThan(0);
    expect(results[0]?.security).toBeTruthy();
  });

  it('serves from cache for about a minute, then asks Level again', async () => {
    requests = 0;
    now += 30_000;
    await cache.get(deviceId);
    expect(requests).toBe(0);
    now += 31_000;
    await cache.get(deviceId);
    expect(requests).toBe(1);
  });

  it('does not cache a failure', async () => {
    now += 120_000;
    sim.faults.set({ errorRate: 1 });
    await expect(cache.get(deviceId)).rejects.toMatchObject({ kind: 'upstream' });
    sim.faults.reset();
    await expect(cache.get(deviceId)).resolves.toMatchObject({ id: deviceId });
  });
});
