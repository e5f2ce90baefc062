import type { DeviceDetail } from '@/lib/domain/device';
import { LevelNotFoundError, LevelValidationError } from '@/lib/level/errors';
import type { RunningSimulator } from '@/simulator';
import {
  caught,
  expectNoViolations,
  routeCount,
  startTestSimulator,
  testClient,
} from '@/testing/simulator-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('writes against the simulator', () => {
  let sim: RunningSimulator;
  let client: ReturnType<typeof testClient>;
  let devices: DeviceDetail[];

  beforeAll(async () => {
    sim = await startTestSimulator(300);
    client = testClient(sim);
    devices = await client.devices.listAll();
  });
  afterAll(async () => {
    await expectNoViolations(sim);
    await sim.close();
  });

  it('creates, moves, renames and deletes groups without losing the parent', async () => {
    const parent = await client.groups.create({ name: 'Test Client' });
    expect(parent.parentId).toBeNull();
    const child = await client.groups.create({ name: 'Branch', parentId: parent.id });
    expect(child.parentId).toBe(parent.id);
    expect((await client.groups.get(parent.id)).childIds).toContain(child.id);

    const renamed = await client.groups.rename(child.id, 'Branch office');
    expect(renamed).toMatchObject({ name: 'Branch office', parentId: parent.id });
    expect(await client.groups.get(child.id)).toMatchObject({ name: 'Branch office', parentId: parent.id });

    const moved = await client.groups.update(child.id, { parentId: null });
    expect(moved.parentId).toBeNull();

    await client.groups.delete(child.id);
    expect(await caught(client.groups.get(child.id))).toBeInstanceOf(LevelNotFoundError);
  });

  it('assigns and removes devices in chunks of 100', async () => {
    const group = await client.groups.create({ name: 'Bulk' });
    const ids = devices.slice(0, 250).map((d) => d.id);
    const before = routeCount(sim, 'POST /v2/groups/{id}/devices');
    await client.groups.addDevices(group.id, [...ids, ...ids.slice(0, 10)]);
    expect(routeCount(sim, 'POST /v2/groups/{id}/devices') - before).toBe(3);
    expect((await client.groups.get(group.id)).deviceCount).toBe(250);
    expect((await client.devices.listAll({ groupId: group.id })).map((d) => d.id).sort()).toEqual(
      [...ids].sort(),
    );

    const removedBefore = routeCount(sim, 'DELETE /v2/groups/{id}/devices');
    await client.groups.removeDevices(group.id, ids.slice(0, 120));
    expect(routeCount(sim, 'DELETE /v2/groups/{id}/devices') - removedBefore).toBe(2);
    expect((await client.groups.get(group.id)).deviceCount).toBe(130);
    await client.groups.addDevices(group.id, []);
    expect(routeCount(sim, 'POST /v2/groups/{id}/devices') - before).toBe(3);
  });

  it('updates a device name, notes and group, then deletes it', async () => {
    const target = devices.find((d) => d.groupId !== null);
    if (!target) throw new Error('fixture has no grouped device');
    const updated = await client.devices.update(target.id, { name: 'Front desk', notes: 'New PSU' });
    expect(updated).toMatchObject({ nickname: 'Front desk', displayName: 'Front desk', notes: 'New PSU' });
    const ungrouped = await client.devices.update(target.id, { groupId: null });
    expect(ungrouped.groupId).toBeNull();
    expect(ungrouped.notes).toBe('New PSU');
    expect((await client.devices.get(target.id)).groupId).toBeNull();

    await client.devices.delete(target.id);
    expect(await caught(client.devices.get(target.id))).toBeInstanceOf(LevelNotFoundError);
  });

  it('manages tags and their devices', async () => {
    const tag = await client.tags.create('🔥 hot');
    expect(tag.name).toBe('🔥 hot');
    expect(await caught(client.tags.create('🔥 hot'))).toBeInstanceOf(LevelValidationError);
    const renamed = await client.tags.rename(tag.id, 'hot');
    expect(renamed.name).toBe('hot');

    const ids = devices.slice(10, 130).map((d) => d.id);
    await client.tags.addDevices(tag.id, ids);
    expect((await client.tags.get(tag.id)).deviceCount).toBe(120);
    const tagged = await client.devices.listAll({ tagId: tag.id });
    expect(tagged.every((d) => d.tags.includes('hot'))).toBe(true);
    expect(tagged).toHaveLength(120);

    await client.tags.removeDevices(tag.id, ids.slice(0, 20));
    expect((await client.tags.get(tag.id)).deviceCount).toBe(100);
    await client.tags.delete(tag.id);
    expect(await caught(client.tags.get(tag.id))).toBeInstanceOf(LevelNotFoundError);
  });

  it('resolves an alert (and resolving again is harmless)', async () => {
    const [active] = await client.alerts.listAll({ status: 'active' });
    if (!active) throw new Error('fixture has no active alert');
    const resolved = await client.alerts.resolve(active.id);
    expect(resolved).toMatchObject({ id: active.id, resolved: true });
    expect(resolved.resolvedAt).toEqual(expect.any(String));
    expect((await client.alerts.resolve(active.id)).resolved).toBe(true);
    expect((await client.alerts.listAll({ status: 'active' })).map((a) => a.id)).not.toContain(active.id);
  });

  it('lists automations and webhooks and triggers one', async () => {
    const automations = await client.automations.listAll();
    expect(automations.length).toBeGreaterThan(0);
    const hooks = await client.automations.webhooks();
    expect(hooks.length).toBeGreaterThan(0);
    for (const hook of hooks) expect(hook.url.endsWith(`/${hook.token}`)).toBe(true);
    expect(automations.map((a) => a.id)).toEqual(expect.arrayContaining(hooks.map((h) => h.automationId)));

    const hook = hooks.find((h) => h.parameters.includes('device_ids')) ?? hooks[0];
    if (!hook) throw new Error('no webhook');
    const target = devices[5];
    if (!target) throw new Error('fixture too small');
    const result = await client.automations.trigger(hook.token, {
      deviceIds: [target.id],
      variables: { reason: 'test' },
    });
    expect(result.runIds).toHaveLength(1);

    const error = await caught(client.automations.trigger('no-such-token-1234'));
    expect(error).toBeInstanceOf(LevelNotFoundError);
    expect((error as LevelNotFoundError).path).toBe('/v2/automations/webhooks/:token');
    expect(String(error)).not.toContain('no-such-token-1234');
  });
});
