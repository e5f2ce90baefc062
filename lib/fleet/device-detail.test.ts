import { DeviceDetailCache } from '@/lib/fleet/device-detail';
import { createLevelClient, type LevelClient } from '@/lib/level';
import { startSimulator, type RunningSimulator } from '@/simulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// Against a real simulator: what reaches Level (the simulator's own request log and the client's
// onRequest hook) is what counts.
const KEY = 'detail-key-0123456789';
let sim: RunningSimulator;
let client: LevelClient;
let sent: string[] = [];
let now = 1_000_000;
let ids: string[];

function newCache(perCallerPerMinute = 30) {
  return new DeviceDetailCache(() => client, { now: () => now, perCallerPerMinute });
}

beforeAll(async () => {
  sim = await startSimulator({ devices: 120, seed: 2, apiKey: KEY, frozen: true, quiet: true });
  client = createLevelClient({
    baseUrl: sim.url,
    apiKey: KEY,
    maxRetries: 0,
    concurrency: 1,
    onRequest: (info) => sent.push(info.path),
  });
  ids = (await client.devices.listAll()).map((device) => device.id);
});
afterAll(() => sim.close());
beforeEach(() => {
  sent = [];
  sim.faults.reset();
});

describe('DeviceDetailCache', () => {
  it('fetches detail with every include flag, once for any number of concurrent viewers', async () => {
    const cache = newCache();
    const id = ids[0] ?? '';
    const reads = await Promise.all(
      Array.from({ length: 30 }, (_, i) => cache.read(id, i % 2 ? 'admin' : 'link:a')),
    );
    expect(sent).toHaveLength(1);
    const first = reads[0];
    expect(first?.detailError).toBeNull();
    expect(first?.detail?.operatingSystem).toBeTruthy();
    expect(first?.detail?.diskPartitions?.length).toBeGreaterThan(0);
    expect(first?.detail?.security).toBeTruthy();
  });

  it('serves from cache for about a minute, then asks Level again', async () => {
    const cache = newCache();
    const id = ids[1] ?? '';
    await cache.read(id, 'admin');
    now += 30_000;
    await cache.read(id, 'admin');
    expect(sent).toHaveLength(1);
    now += 31_000;
    await cache.read(id, 'admin');
    expect(sent).toHaveLength(2);
  });

  it('serves the last good copy, with its age and the reason, when Level fails', async () => {
    const cache = newCache();
    const id = ids[2] ?? '';
    const good = await cache.read(id, 'admin');
    const fetchedAt = good.detailFetchedAt;
    now += 5 * 60_000;
    sim.faults.set({ errorRate: 1 });
    const stale = await cache.read(id, 'admin');
    expect(stale.detail).toEqual(good.detail);
    expect(stale.detailFetchedAt).toBe(fetchedAt);
    expect(stale.detailError).toMatch(/500|502|503/);
    // A device never fetched has nothing to fall back on: no detail, the reason, and no throw.
    const never = await cache.read(ids[3] ?? '', 'admin');
    expect(never).toMatchObject({ detail: null, detailFetchedAt: null });
    expect(never.detailError).toMatch(/500|502|503/);
    sim.faults.reset();
    expect((await cache.read(ids[3] ?? '', 'admin')).detailError).toBeNull();
  });

  it('limits the fresh fetches one caller causes per minute; others are not affected', async () => {
    const cache = newCache(10);
    const hammer = await Promise.all(ids.slice(10, 110).map((id) => cache.read(id, 'link:hammer')));
    expect(sent).toHaveLength(10);
    expect(hammer.filter((read) => read.detail !== null)).toHaveLength(10);
    const refused = hammer.filter((read) => read.detail === null);
    expect(refused).toHaveLength(90);
    expect(refused[0]?.detailError).toMatch(/Too many device details/);
    // What is already fresh costs nothing and is still served.
    expect((await cache.read(ids[10] ?? '', 'link:hammer')).detail).not.toBeNull();
    expect(sent).toHaveLength(10);
    // Another session is not punished for the first one.
    expect((await cache.read(ids[50] ?? '', 'link:other')).detailError).toBeNull();
    expect(sent).toHaveLength(11);
    now += 61_000;
    expect((await cache.read(ids[60] ?? '', 'link:hammer')).detailError).toBeNull();
  });

  it("waits behind the sync's requests in the shared gate", async () => {
    const cache = newCache(1_000);
    sim.faults.set({ latencyMs: 20 });
    const details = ids.slice(0, 12).map((id, i) => cache.read(id, `link:${i}`));
    // A sync page asked for after twelve detail requests is sent right after the one in flight.
    const sync = client.devices.listAll({}, {});
    await Promise.all([...details, sync]);
    const order = sent.map((path) => (path.endsWith('/devices') ? 'sync' : 'detail'));
    expect(order.indexOf('sync')).toBe(1);
  });
});
