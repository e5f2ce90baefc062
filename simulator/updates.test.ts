import { boot, gid, idOf, obj, type Harness, type JsonRecord } from '@/testing/simulator-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let h: Harness;
let updates: JsonRecord[];
beforeAll(async () => {
  h = await boot({ devices: 150, seed: 4 });
  updates = await h.walk('/updates');
});
afterAll(() => h.sim.close());

describe('updates', () => {
  it('list ~3 per device with the reference fields, ascending ids', () => {
    expect(updates.length).toBeGreaterThan(150);
    expect(updates.length).toBeLessThan(150 * 5);
    const numbers = updates.map((u) => Number(gid(u.id).split('/').pop()));
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const u of updates.slice(0, 30)) {
      expect(Object.keys(u)).toEqual([
        'id',
        'device_id',
        'device_hostname',
        'name',
        'category',
        'is_available',
        'installed_on',
        'version',
        'size',
        'kb_ids',
        'error',
        'published_on',
      ]);
      expect(u.is_available ? u.installed_on === null : typeof u.installed_on === 'string').toBe(true);
    }
    expect(updates.some((u) => u.category === 'Security Updates')).toBe(true);
  });

  it('filter by device_id, status and category', async () => {
    const deviceId = updates[0]?.device_id;
    expect((await h.walk(`/updates?device_id=${String(deviceId)}`)).map((u) => u.id)).toEqual(
      updates.filter((u) => u.device_id === deviceId).map((u) => u.id),
    );
    const available = await h.walk('/updates?status=available');
    expect(available.map((u) => u.id)).toEqual(updates.filter((u) => u.is_available).map((u) => u.id));
    const installed = await h.walk('/updates?status=installed');
    expect(installed.length + available.length).toBe(updates.length);
    const security = await h.walk('/updates?category=security%20updates');
    expect(security.map((u) => u.id)).toEqual(
      updates.filter((u) => u.category === 'Security Updates').map((u) => u.id),
    );
    expect((await h.get('/updates?status=pending')).status).toBe(400);
    expect((await h.get(`/updates?device_id=${idOf('Device', 1)}`)).status).toBe(404);
  });

  it('show by id, 404 when unknown; ending_before works on virtual ids', async () => {
    const target = updates[7];
    expect(obj(await h.get(`/updates/${String(target?.id)}`))).toEqual(target);
    expect((await h.get(`/updates/${idOf('Update', 1)}`)).status).toBe(404);
    const before = (await h.get(`/updates?limit=3&ending_before=${String(target?.id)}`)).body as {
      data: JsonRecord[];
    };
    expect(before.data.map((u) => u.id)).toEqual(updates.slice(4, 7).map((u) => u.id));
  });
});
