import { boot, idOf, list, obj, type Harness, type JsonRecord } from '@/testing/simulator-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let h: Harness;
let fields: JsonRecord[];
beforeAll(async () => {
  h = await boot({ devices: 200, seed: 9 });
  fields = await h.walk('/custom_fields');
});
afterAll(() => h.sim.close());

const field = (name: string): JsonRecord => {
  const found = fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};

describe('custom fields', () => {
  it('list with reference cf_<name> and admin_only', () => {
    for (const f of fields) {
      expect(Object.keys(f)).toEqual(['id', 'name', 'reference', 'admin_only']);
      expect(f.reference).toBe(`cf_${String(f.name)}`);
    }
    expect(field('screenconnect_url').admin_only).toBe(false);
    expect(fields.some((f) => f.admin_only === true)).toBe(true);
  });

  it('create, update, delete', async () => {
    const created = await h.call('POST', '/custom_fields', { name: 'Warranty Expiry', admin_only: true });
    expect(created.status).toBe(201);
    expect(obj(created)).toMatchObject({
      name: 'Warranty Expiry',
      reference: 'cf_warranty_expiry',
      admin_only: true,
    });
    expect((await h.call('POST', '/custom_fields', { name: 'warranty expiry' })).status).toBe(422);
    expect((await h.call('POST', '/custom_fields', {})).status).toBe(400);
    const id = String(obj(created).id);
    const updated = obj(
      await h.call('PATCH', `/custom_fields/${id}`, { admin_only: false, default_value: 'ignored' }),
    );
    expect(updated).toMatchObject({ admin_only: false, name: 'Warranty Expiry' });
    expect((await h.call('DELETE', `/custom_fields/${id}`)).status).toBe(200);
    expect((await h.get(`/custom_fields/${id}`)).status).toBe(404);
  });
});

describe('custom field values', () => {
  it('without assigned_to_id returns organisation values only', async () => {
    const values = await h.walk('/custom_field_values');
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) {
      expect(Object.keys(v)).toEqual(['custom_field_id', 'custom_field_name', 'assigned_to_id', 'value']);
      expect(v.assigned_to_id).toBeNull();
    }
  });

  it('cascade org → group ancestors → device, nearest wins', async () => {
    const device = list(await h.get('/devices?limit=100')).find((d) => d.group_id !== null);
    const groupId = String(device?.group_id);
    const deviceId = String(device?.id);
    const patchWindow = String(field('patch_window').id);
    const effective = async (): Promise<JsonRecord | undefined> =>
      (await h.walk(`/custom_field_values?assigned_to_id=${deviceId}`)).find(
        (v) => v.custom_field_id === patchWindow,
      );

    await h.call('PATCH', '/custom_field_values', { custom_field_id: patchWindow, value: 'Org window' });
    const root = (await h.walk('/groups')).find((g) => g.id === groupId);
    // Make sure no group on the path overrides it for this check.
    for (let g: JsonRecord | undefined = root; g;) {
      await h.call('DELETE', '/custom_field_values', { custom_field_id: patchWindow, assigned_to_id: g.id });
      g = g.parent_id === null ? undefined : obj(await h.get(`/groups/${String(g.parent_id)}`));
    }
    expect(await effective()).toMatchObject({ value: 'Org window', assigned_to_id: null });

    const groupSet = await h.call('PATCH', '/custom_field_values', {
      custom_field_id: patchWindow,
      value: 'Group window',
      assigned_to_id: groupId,
    });
    expect(obj(groupSet)).toEqual({
      custom_field_id: patchWindow,
      custom_field_name: 'patch_window',
      assigned_to_id: groupId,
      value: 'Group window',
    });
    expect(await effective()).toMatchObject({ value: 'Group window', assigned_to_id: groupId });

    await h.call('PATCH', '/custom_field_values', {
      custom_field_id: patchWindow,
      value: 'Device window',
      assigned_to_id: deviceId,
    });
    expect(await effective()).toMatchObject({ value: 'Device window', assigned_to_id: deviceId });

    const deleted = await h.call('DELETE', '/custom_field_values', {
      custom_field_id: patchWindow,
      assigned_to_id: deviceId,
    });
    expect(deleted.status).toBe(200);
    expect(await effective()).toMatchObject({ value: 'Group window' });
    expect(
      (
        await h.call('DELETE', '/custom_field_values', {
          custom_field_id: patchWindow,
          assigned_to_id: deviceId,
        })
      ).status,
    ).toBe(404);

    // force on the org value clears every override below it.
    await h.call('PATCH', '/custom_field_values', {
      custom_field_id: patchWindow,
      value: 'Forced',
      force: true,
    });
    expect(await effective()).toMatchObject({ value: 'Forced', assigned_to_id: null });
  });

  it('pages with custom_field_id as the cursor and honours the custom_field_id filter', async () => {
    const device = (await h.walk('/devices')).find((d) => d.platform !== 'Linux');
    const all = await h.walk(`/custom_field_values?assigned_to_id=${String(device?.id)}`);
    const first = list(await h.get(`/custom_field_values?assigned_to_id=${String(device?.id)}&limit=1`));
    const rest = list(
      await h.get(
        `/custom_field_values?assigned_to_id=${String(device?.id)}&starting_after=${String(first[0]?.custom_field_id)}`,
      ),
    );
    expect([...first, ...rest]).toEqual(all);
    const one = await h.walk(`/custom_field_values?custom_field_id=${String(field('backup_policy').id)}`);
    expect(one.map((v) => v.custom_field_name)).toEqual(['backup_policy']);
  });

  it('validates bodies and ids', async () => {
    const id = String(field('asset_tag').id);
    expect((await h.call('PATCH', '/custom_field_values', { value: 'x' })).status).toBe(400);
    expect((await h.call('PATCH', '/custom_field_values', { custom_field_id: id })).status).toBe(400);
    expect(
      (await h.call('PATCH', '/custom_field_values', { custom_field_id: idOf('CustomField', 1), value: 'x' }))
        .status,
    ).toBe(404);
    expect(
      (
        await h.call('PATCH', '/custom_field_values', {
          custom_field_id: id,
          value: 'x',
          assigned_to_id: idOf('Device', 1),
        })
      ).status,
    ).toBe(404);
    expect((await h.get(`/custom_field_values?assigned_to_id=${idOf('Tag', 31)}`)).status).toBe(404);
    expect((await h.call('DELETE', '/custom_field_values', {})).status).toBe(400);
  });
});
