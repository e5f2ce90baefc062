import { boot, gid, idOf, KEY, list, obj, type Harness, type JsonRecord } from '@/testing/simulator-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let h: Harness;
let devices: JsonRecord[];
let groups: JsonRecord[];
beforeAll(async () => {
  h = await boot({ devices: 600, seed: 11 });
  devices = await h.walk('/devices');
  groups = await h.walk('/groups');
});
afterAll(() => h.sim.close());

const BASE_FIELDS = [
  'id',
  'hostname',
  'nickname',
  'role',
  'group_id',
  'group_name',
  'tags',
  'flag',
  'maintenance_mode',
  'online',
  'notes',
  'manufacturer',
  'model',
  'architecture',
  'serial_number',
  'total_memory',
  'memory_slots',
  'cpu_cores',
  'last_logged_in_user',
  'last_reboot_time',
  'last_seen_at',
  'city',
  'country',
  'security_score',
  'platform',
  'public_ip_address',
  'private_ip_addresses',
];
const INCLUDES: Record<string, string[]> = {
  include_operating_system: ['operating_system'],
  include_cpus: ['cpus'],
  include_memory: ['memory'],
  include_disks: ['disks', 'disk_partitions'],
  include_network_interfaces: ['network_interfaces'],
  include_motherboard: ['motherboard'],
  include_security: ['security'],
};

describe('device objects', () => {
  it('carry exactly the base fields without include flags', () => {
    for (const device of devices.slice(0, 50)) expect(Object.keys(device)).toEqual(BASE_FIELDS);
  });

  it('use gid://level/Device/<n> ids and tag names', async () => {
    expect(gid(devices[0]?.id)).toMatch(/^gid:\/\/level\/Device\/\d+$/);
    const tagNames = new Set((await h.walk('/tags')).map((t) => t.name));
    const tagged = devices.filter((d) => (d.tags as string[]).length > 0);
    expect(tagged.length).toBeGreaterThan(0);
    for (const d of tagged) for (const name of d.tags as string[]) expect(tagNames.has(name)).toBe(true);
  });

  it('show consistent group_name paths and valid enums', () => {
    const byId = new Map(groups.map((g) => [g.id, g]));
    for (const d of devices) {
      expect(['Windows', 'Mac', 'Linux']).toContain(d.platform);
      expect(['workstation', 'server', 'domain_controller']).toContain(d.role);
      if (d.group_id === null) {
        expect(d.group_name).toBeNull();
        continue;
      }
      const group = byId.get(d.group_id);
      expect(String(d.group_name).endsWith(String(group?.name))).toBe(true);
      expect(Date.parse(String(d.last_seen_at))).not.toBeNaN();
    }
  });

  it.each(Object.entries(INCLUDES))('%s adds its fields on list and show', async (flag, fields) => {
    const listed = list(await h.get(`/devices?limit=3&${flag}=true`));
    for (const d of listed) {
      for (const field of fields) expect(d).toHaveProperty(field);
      expect(Object.keys(d)).toHaveLength(BASE_FIELDS.length + fields.length);
    }
    const shown = obj(await h.get(`/devices/${String(listed[0]?.id)}?${flag}=true`));
    for (const field of fields) expect(shown).toHaveProperty(field);
    const plain = obj(await h.get(`/devices/${String(listed[0]?.id)}`));
    for (const field of fields) expect(plain).not.toHaveProperty(field);
  });

  it('derives include detail deterministically and consistently with base fields', async () => {
    const all = Object.keys(INCLUDES)
      .map((f) => `${f}=true`)
      .join('&');
    const first = list(await h.get(`/devices?limit=20&${all}`));
    const again = list(await h.get(`/devices?limit=20&${all}`));
    expect(again).toEqual(first);
    for (const d of first) {
      const memory = d.memory as { size: number }[];
      expect(memory.reduce((sum, m) => sum + m.size, 0)).toBe(d.total_memory);
      const cores = (d.cpus as { cores: number }[]).reduce((sum, c) => sum + c.cores, 0);
      expect(cores).toBe(d.cpu_cores);
      expect((d.security as { score: unknown }).score).toBe(d.security_score);
      const nic = (d.network_interfaces as { ip_addresses: string[] }[])[0];
      expect(nic?.ip_addresses).toContain((d.private_ip_addresses as string[])[0]);
      expect((d.disk_partitions as { primary: boolean }[]).some((p) => p.primary)).toBe(true);
    }
  });
});

describe('device filters', () => {
  it('group_id returns direct members; group_id=null returns ungrouped devices', async () => {
    const group = groups.find((g) => Number(g.device_count) > 0 && (g.child_ids as string[]).length > 0);
    const direct = await h.walk(`/devices?group_id=${String(group?.id)}`);
    expect(direct.map((d) => d.id)).toEqual(devices.filter((d) => d.group_id === group?.id).map((d) => d.id));
    expect(direct).toHaveLength(Number(group?.device_count));
    const ungrouped = await h.walk('/devices?group_id=null');
    expect(ungrouped.length).toBeGreaterThan(0);
    expect(ungrouped.map((d) => d.id)).toEqual(devices.filter((d) => d.group_id === null).map((d) => d.id));
  });

  it('ancestor_group_id returns the whole subtree (= descendent_device_count)', async () => {
    const byId = new Map(groups.map((g) => [String(g.id), g]));
    const under = (groupId: string | null, root: string): boolean => {
      for (
        let g = groupId === null ? undefined : byId.get(groupId);
        g;
        g = g.parent_id === null ? undefined : byId.get(String(g.parent_id))
      ) {
        if (g.id === root) return true;
      }
      return false;
    };
    for (const root of groups.filter((g) => g.parent_id === null).slice(0, 5)) {
      const tree = await h.walk(`/devices?ancestor_group_id=${String(root.id)}`);
      const expected = devices.filter((d) =>
        under(d.group_id === null ? null : String(d.group_id), String(root.id)),
      );
      expect(tree.map((d) => d.id)).toEqual(expected.map((d) => d.id));
      expect(tree).toHaveLength(Number(root.descendent_device_count));
    }
  });

  it('tag_id matches devices carrying that tag name', async () => {
    const tag = (await h.walk('/tags')).find((t) => t.name === 'Laptop');
    const tagged = await h.walk(`/devices?tag_id=${String(tag?.id)}`);
    expect(tagged).toHaveLength(Number(tag?.device_count));
    expect(tagged.map((d) => d.id)).toEqual(
      devices.filter((d) => (d.tags as string[]).includes('Laptop')).map((d) => d.id),
    );
  });

  it('hostname matches exactly, ignoring case', async () => {
    const target = devices[123];
    const lower = list(
      await h.get(`/devices?hostname=${encodeURIComponent(String(target?.hostname).toLowerCase())}`),
    );
    expect(lower.map((d) => d.id)).toEqual([target?.id]);
    const partial = list(
      await h.get(`/devices?hostname=${encodeURIComponent(String(target?.hostname).slice(0, 4))}`),
    );
    expect(partial).toEqual([]);
  });

  it('serial_number matches exactly', async () => {
    const target = devices.find((d) => d.serial_number !== null);
    const found = list(
      await h.get(`/devices?serial_number=${encodeURIComponent(String(target?.serial_number))}`),
    );
    expect(found.map((d) => d.id)).toEqual(
      devices.filter((d) => d.serial_number === target?.serial_number).map((d) => d.id),
    );
  });

  it('combines filters and tolerates unknown params', async () => {
    const tag = (await h.walk('/tags')).find((t) => t.name === 'Laptop');
    const root = groups.find((g) => g.parent_id === null && Number(g.descendent_device_count) > 20);
    const both = await h.walk(
      `/devices?tag_id=${String(tag?.id)}&ancestor_group_id=${String(root?.id)}&foo=bar&include_disk_partitions=true`,
    );
    const inTree = new Set((await h.walk(`/devices?ancestor_group_id=${String(root?.id)}`)).map((d) => d.id));
    expect(both.map((d) => d.id)).toEqual(
      devices.filter((d) => inTree.has(d.id) && (d.tags as string[]).includes('Laptop')).map((d) => d.id),
    );
  });

  it('404s filters naming unknown groups or tags', async () => {
    expect((await h.get(`/devices?group_id=${idOf('Group', 99_999)}`)).status).toBe(404);
    expect((await h.get(`/devices?ancestor_group_id=null`)).status).toBe(404);
    expect((await h.get(`/devices?tag_id=${idOf('Tag', 99_999)}`)).status).toBe(404);
  });
});

describe('device writes', () => {
  it('PATCH sets nickname, notes and group; null group_id ungroups', async () => {
    const device = devices.find((d) => d.group_id !== null);
    const target = groups.find((g) => g.id !== device?.group_id);
    const path = `/devices/${String(device?.id)}`;
    const patched = obj(
      await h.call('PATCH', path, { name: 'Reception PC', notes: 'New PSU', group_id: target?.id }),
    );
    expect(patched).toMatchObject({
      nickname: 'Reception PC',
      notes: 'New PSU',
      group_id: target?.id,
      hostname: device?.hostname,
    });
    expect(String(patched.group_name).endsWith(String(target?.name))).toBe(true);
    const ungrouped = obj(await h.call('PATCH', path, { group_id: null }));
    expect(ungrouped).toMatchObject({ group_id: null, group_name: null, nickname: 'Reception PC' });
    expect(list(await h.get('/devices?group_id=null&limit=100')).map((d) => d.id)).toContain(device?.id);
    expect((await h.call('PATCH', path, { group_id: idOf('Group', 99_999) })).status).toBe(404);
    expect((await h.call('PATCH', path, { notes: 42 })).status).toBe(400);
    expect((await h.call('PATCH', path, [1, 2])).status).toBe(400);
  });

  it('rejects invalid JSON bodies with 400', async () => {
    const response = await fetch(`${h.sim.url}/devices/${String(devices[0]?.id)}`, {
      method: 'PATCH',
      headers: { Authorization: KEY, 'Content-Type': 'application/json' },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
  });

  it('DELETE removes the device everywhere', async () => {
    const device = devices.find((d) => (d.tags as string[]).length > 0 && d.group_id !== null);
    const tagBefore = (await h.walk('/tags')).find((t) => t.name === (device?.tags as string[])[0]);
    expect((await h.call('DELETE', `/devices/${String(device?.id)}`)).status).toBe(200);
    expect((await h.get(`/devices/${String(device?.id)}`)).status).toBe(404);
    const tagAfter = obj(await h.get(`/tags/${String(tagBefore?.id)}`));
    expect(tagAfter.device_count).toBe(Number(tagBefore?.device_count) - 1);
    expect((await h.get(`/alerts?device_id=${String(device?.id)}`)).status).toBe(404);
    expect((await h.walk('/alerts')).some((a) => a.device_id === device?.id)).toBe(false);
    expect((await h.walk('/devices')).some((d) => d.id === device?.id)).toBe(false);
  });
});
