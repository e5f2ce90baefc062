import { boot, idOf, list, obj, type Harness, type JsonRecord } from '@/testing/simulator-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let h: Harness;
beforeAll(async () => {
  h = await boot({ devices: 300, seed: 5 });
});
afterAll(() => h.sim.close());

const FIELDS = [
  'id',
  'parent_id',
  'child_ids',
  'name',
  'device_count',
  'descendent_device_count',
  'custom_fields',
];

describe('groups', () => {
  it('expose the hierarchy with consistent counts', async () => {
    const groups = await h.walk('/groups');
    const byId = new Map(groups.map((g) => [g.id, g]));
    for (const g of groups) {
      expect(Object.keys(g)).toEqual(FIELDS);
      for (const childId of g.child_ids as string[]) expect(byId.get(childId)?.parent_id).toBe(g.id);
      // descendent_device_count includes the group's own devices.
      const childSum = (g.child_ids as string[]).reduce(
        (sum, c) => sum + Number(byId.get(c)?.descendent_device_count),
        0,
      );
      expect(g.descendent_device_count).toBe(Number(g.device_count) + childSum);
    }
    const roots = groups.filter((g) => g.parent_id === null);
    expect(roots.length).toBeGreaterThanOrEqual(3);
    expect(groups.some((g) => g.name === 'Servers')).toBe(true);
  });

  it('filter by parent_id, with null meaning root groups', async () => {
    const groups = await h.walk('/groups');
    const roots = await h.walk('/groups?parent_id=null');
    expect(roots.map((g) => g.id)).toEqual(groups.filter((g) => g.parent_id === null).map((g) => g.id));
    const parent = groups.find((g) => (g.child_ids as string[]).length > 1);
    const children = await h.walk(`/groups?parent_id=${String(parent?.id)}`);
    expect(children.map((g) => g.id)).toEqual(parent?.child_ids);
    expect((await h.get(`/groups?parent_id=${idOf('Group', 99_999)}`)).status).toBe(404);
  });

  it('POST creates (201) and validates name and parent', async () => {
    const root = obj(await h.call('POST', '/groups', { name: 'Acme Test Client' }));
    expect(root).toMatchObject({ name: 'Acme Test Client', parent_id: null, child_ids: [], device_count: 0 });
    const created = await h.call('POST', '/groups', { name: 'Branch', parent_id: root.id });
    expect(created.status).toBe(201);
    expect(obj(created).parent_id).toBe(root.id);
    expect(obj(await h.get(`/groups/${String(root.id)}`)).child_ids).toEqual([obj(created).id]);
    expect((await h.call('POST', '/groups', {})).status).toBe(400);
    expect((await h.call('POST', '/groups', { name: '  ' })).status).toBe(400);
    expect((await h.call('POST', '/groups', { name: 'x', parent_id: idOf('Group', 99_999) })).status).toBe(
      404,
    );
  });

  it('PATCH without parent_id moves the group to the root (Level gotcha)', async () => {
    const parent = obj(await h.call('POST', '/groups', { name: 'Gotcha Parent' }));
    const child = obj(await h.call('POST', '/groups', { name: 'Gotcha Child', parent_id: parent.id }));
    const kept = obj(
      await h.call('PATCH', `/groups/${String(child.id)}`, { name: 'Renamed', parent_id: parent.id }),
    );
    expect(kept).toMatchObject({ name: 'Renamed', parent_id: parent.id });
    const moved = obj(await h.call('PATCH', `/groups/${String(child.id)}`, { name: 'Renamed again' }));
    expect(moved).toMatchObject({ name: 'Renamed again', parent_id: null });
    expect(obj(await h.get(`/groups/${String(parent.id)}`)).child_ids).toEqual([]);
    const back = obj(await h.call('PATCH', `/groups/${String(child.id)}`, { parent_id: parent.id }));
    expect(back.parent_id).toBe(parent.id);
    expect(
      obj(await h.call('PATCH', `/groups/${String(child.id)}`, { parent_id: null })).parent_id,
    ).toBeNull();
  });

  it('PATCH rejects cycles with 422', async () => {
    const a = obj(await h.call('POST', '/groups', { name: 'Cycle A' }));
    const b = obj(await h.call('POST', '/groups', { name: 'Cycle B', parent_id: a.id }));
    expect((await h.call('PATCH', `/groups/${String(a.id)}`, { parent_id: b.id })).status).toBe(422);
    expect((await h.call('PATCH', `/groups/${String(a.id)}`, { parent_id: a.id })).status).toBe(422);
  });

  it('PATCH writes group custom_fields overrides', async () => {
    const g = obj(await h.call('POST', '/groups', { name: 'CF Group' }));
    const patched = obj(
      await h.call('PATCH', `/groups/${String(g.id)}`, { custom_fields: { patch_window: 'Fri 20:00' } }),
    );
    expect(patched.custom_fields).toEqual({ patch_window: 'Fri 20:00' });
    expect((await h.call('PATCH', `/groups/${String(g.id)}`, { custom_fields: { nope: 'x' } })).status).toBe(
      422,
    );
  });

  it('assigns and removes devices with {device_ids}', async () => {
    const group = obj(await h.call('POST', '/groups', { name: 'Assign Target' }));
    const devices = list(await h.get('/devices?limit=3'));
    const ids = devices.map((d) => d.id);
    const assigned = await h.call('POST', `/groups/${String(group.id)}/devices`, { device_ids: ids });
    expect(assigned.status).toBe(200);
    expect(Object.keys(obj(assigned))).toEqual(['group']);
    expect((obj(assigned).group as JsonRecord).device_count).toBe(3);
    expect((await h.walk(`/devices?group_id=${String(group.id)}`)).map((d) => d.id)).toEqual(ids);
    const removed = obj(
      await h.call('DELETE', `/groups/${String(group.id)}/devices`, { device_ids: ids.slice(0, 2) }),
    );
    expect(removed).toMatchObject({ id: group.id, device_count: 1 });
    expect(obj(await h.get(`/devices/${String(ids[0])}`)).group_id).toBeNull();
    for (const body of [undefined, {}, { device_ids: [] }, { device_ids: 'x' }]) {
      expect((await h.call('POST', `/groups/${String(group.id)}/devices`, body)).status).toBe(400);
    }
    const unknown = await h.call('POST', `/groups/${String(group.id)}/devices`, {
      device_ids: [ids[0], idOf('Device', 99_999)],
    });
    expect(unknown.status).toBe(404);
    expect(obj(await h.get(`/devices/${String(ids[0])}`)).group_id).toBeNull();
  });

  it('DELETE ungroups direct devices and moves child groups to the root', async () => {
    const parent = obj(await h.call('POST', '/groups', { name: 'Doomed' }));
    const child = obj(await h.call('POST', '/groups', { name: 'Survivor', parent_id: parent.id }));
    const device = list(await h.get('/devices?limit=1'))[0];
    await h.call('POST', `/groups/${String(parent.id)}/devices`, { device_ids: [device?.id] });
    const deleted = await h.call('DELETE', `/groups/${String(parent.id)}`);
    expect(deleted.status).toBe(200);
    expect(obj(deleted).id).toBe(parent.id);
    expect((await h.get(`/groups/${String(parent.id)}`)).status).toBe(404);
    expect(obj(await h.get(`/groups/${String(child.id)}`)).parent_id).toBeNull();
    expect(obj(await h.get(`/devices/${String(device?.id)}`)).group_id).toBeNull();
  });
});
