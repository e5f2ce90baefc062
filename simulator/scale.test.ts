import { boot, list, type Harness, type JsonRecord } from '@/testing/simulator-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Smoke test at the top of the supported range. Timings are printed, never asserted.
let h: Harness;
let startupMs = 0;
beforeAll(async () => {
  const started = performance.now();
  h = await boot({ devices: 50_000, seed: 1 });
  startupMs = performance.now() - started;
}, 120_000);
afterAll(() => h.sim.close());

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`[scale 50k] ${label}: ${(performance.now() - started).toFixed(1)} ms`);
  return result;
}

describe('50,000 devices', () => {
  it('generates and serves the first pages, a filter and stats', async () => {
    console.log(
      `[scale 50k] generate + listen: ${startupMs.toFixed(0)} ms; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
    );
    expect(h.sim.stats().devices.total).toBe(50_000);
    let after: string | null = null;
    for (let page = 1; page <= 5; page++) {
      const reply = await timed(`page ${page} (limit=100)`, () =>
        h.get(`/devices?limit=100${after ? `&starting_after=${after}` : ''}`),
      );
      const data = list(reply);
      expect(data).toHaveLength(100);
      after = String(data[99]?.id);
    }
    const tags = await h.walk('/tags');
    const vip = tags.find((t) => t.name === 'VIP');
    const filtered = await timed('tag_id=VIP page', () =>
      h.get(`/devices?limit=100&tag_id=${String(vip?.id)}`),
    );
    expect(list(filtered).every((d: JsonRecord) => (d.tags as string[]).includes('VIP'))).toBe(true);
    const root = list(await h.get('/groups?parent_id=null&limit=1'))[0];
    const subtree = await timed('ancestor_group_id walk', () =>
      h.walk(`/devices?ancestor_group_id=${String(root?.id)}`),
    );
    expect(subtree).toHaveLength(Number(root?.descendent_device_count));
    await timed('alerts?status=active page', () => h.get('/alerts?status=active&limit=100'));
    await timed('full include page', () =>
      h.get(
        '/devices?limit=100&include_operating_system=true&include_cpus=true&include_memory=true&include_disks=true&include_network_interfaces=true&include_motherboard=true&include_security=true',
      ),
    );
    await timed('updates?status=available page', () => h.get('/updates?limit=100&status=available'));
    await timed('tick()', async () => h.sim.state.tick());
    await timed('stats()', async () => h.sim.stats());
  }, 120_000);
});
