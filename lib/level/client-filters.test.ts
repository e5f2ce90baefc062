import type { DeviceDetail } from '@/lib/domain/device';
import type { Group } from '@/lib/domain/group';
import { ALL_DEVICE_INCLUDES } from '@/lib/level/endpoints/devices';
import type { RunningSimulator } from '@/simulator';
import { expectNoViolations, startTestSimulator, testClient } from '@/testing/simulator-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every filter is checked against the full, unfiltered list walked by the same client.

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).sort();

describe('filters and include flags against the simulator', () => {
  let sim: RunningSimulator;
  let client: ReturnType<typeof testClient>;
  let devices: DeviceDetail[];
  let groups: Group[];

  beforeAll(async () => {
    sim = await startTestSimulator(600);
    client = testClient(sim);
    [devices, groups] = await Promise.all([client.devices.listAll(), client.groups.listAll()]);
  });
  afterAll(async () => {
    await expectNoViolations(sim);
    await sim.close();
  });

  it('group_id lists the direct members of a group', async () => {
    const group = groups.find((g) => (g.deviceCount ?? 0) > 0);
    if (!group) throw new Error('fixture has no group with devices');
    const listed = await client.devices.listAll({ groupId: group.id });
    expect(listed.length).toBe(group.deviceCount);
    expect(ids(listed)).toEqual(ids(devices.filter((d) => d.groupId === group.id)));
  });

  it('group_id null lists the devices that are in no group', async () => {
    const listed = await client.devices.listAll({ groupId: null });
    const expected = devices.filter((d) => d.groupId === null);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(listed)).toEqual(ids(expected));
  });

  it('ancestor_group_id lists the whole subtree', async () => {
    const byId = new Map(groups.map((g) => [g.id, g]));
    const root = groups.find((g) => g.parentId === null && g.childIds.length > 0);
    if (!root) throw new Error('fixture has no nested group');
    const subtree = new Set<string>();
    const visit = (id: string) => {
      subtree.add(id);
      for (const child of byId.get(id)?.childIds ?? []) visit(child);
    };
    visit(root.id);
    const listed = await client.devices.listAll({ ancestorGroupId: root.id });
    const expected = devices.filter((d) => d.groupId !== null && subtree.has(d.groupId));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(listed)).toEqual(ids(expected));
  });

  it('tag_id lists the devices carrying the tag (devices show tag names)', async () => {
    const tags = await client.tags.listAll();
    const tag = tags.find((t) => (t.deviceCount ?? 0) > 0);
    if (!tag) throw new Error('fixture has no applied tag');
    const listed = await client.devices.listAll({ tagId: tag.id });
    expect(ids(listed)).toEqual(ids(devices.filter((d) => d.tags.includes(tag.name))));
  });

  it('hostname and serial_number match exactly', async () => {
    const target = devices.find((d) => d.serialNumber !== null);
    if (!target?.serialNumber) throw new Error('fixture has no serial number');
    const byHostname = await client.devices.listAll({ hostname: target.hostname });
    expect(byHostname.map((d) => d.id)).toContain(target.id);
    expect(byHostname.every((d) => d.hostname === target.hostname)).toBe(true);
    const bySerial = await client.devices.listAll({ serialNumber: target.serialNumber });
    expect(bySerial.map((d) => d.id)).toContain(target.id);
    expect(bySerial.every((d) => d.serialNumber === target.serialNumber)).toBe(true);
  });

  it('combines filters', async () => {
    const target = devices.find((d) => d.groupId !== null);
    if (!target?.groupId) throw new Error('fixture has no grouped device');
    const listed = await client.devices.listAll({ groupId: target.groupId, hostname: target.hostname });
    expect(listed.map((d) => d.id)).toContain(target.id);
    expect(await client.devices.listAll({ groupId: null, hostname: target.hostname })).toEqual(
      devices.filter((d) => d.groupId === null && d.hostname === target.hostname),
    );
  });

  it('alert status and device filters', async () => {
    const all = await client.alerts.listAll();
    const active = await client.alerts.listAll({ status: 'active' });
    const resolved = await client.alerts.listAll({ status: 'resolved' });
    expect(active.length).toBeGreaterThan(0);
    expect(resolved.length).toBeGreaterThan(0);
    expect(active.every((a) => !a.resolved && a.resolvedAt === null)).toBe(true);
    expect(resolved.every((a) => a.resolved)).toBe(true);
    expect(ids([...active, ...resolved])).toEqual(ids(all));
    const deviceId = active[0]?.deviceId ?? '';
    const forDevice = await client.alerts.listAll({ deviceId });
    expect(forDevice.length).toBeGreaterThan(0);
    expect(forDevice.every((a) => a.deviceId === deviceId)).toBe(true);
    expect(ids(forDevice)).toEqual(ids(all.filter((a) => a.deviceId === deviceId)));
    const one = await client.alerts.get(active[0]?.id ?? '');
    expect(one).toEqual(active[0]);
  });

  it('tag device filter returns exactly the tags named on the device', async () => {
    const tagged = devices.find((d) => d.tags.length > 0);
    if (!tagged) throw new Error('fixture has no tagged device');
    const tags = await client.tags.listAll({ deviceId: tagged.id });
    expect(tags.map((t) => t.name).sort()).toEqual([...tagged.tags].sort());
  });

  it('update device, status and category filters', async () => {
    const all = await client.updates.listAll();
    expect(all.length).toBeGreaterThan(0);
    const available = await client.updates.listAll({ status: 'available' });
    const installed = await client.updates.listAll({ status: 'installed' });
    expect(available.every((u) => u.available === true)).toBe(true);
    expect(installed.every((u) => u.available === false)).toBe(true);
    expect(available.length + installed.length).toBe(all.length);
    const sample = all[0];
    if (!sample) throw new Error('no updates');
    const forDevice = await client.updates.listAll({ deviceId: sample.deviceId });
    expect(ids(forDevice)).toEqual(ids(all.filter((u) => u.deviceId === sample.deviceId)));
    const category = sample.category ?? '';
    const inCategory = await client.updates.listAll({ category });
    expect(ids(inCategory)).toEqual(ids(all.filter((u) => u.category === category)));
    expect(await client.updates.get(sample.id)).toEqual(sample);
  });

  it('without include flags, devices carry base fields only', async () => {
    const device = await client.devices.get(devices[0]?.id ?? '');
    for (const key of [
      'operatingSystem',
      'cpus',
      'memory',
      'disks',
      'diskPartitions',
      'networkInterfaces',
      'motherboard',
      'security',
    ]) {
      expect(device).not.toHaveProperty(key);
    }
    expect(device).toEqual(devices[0]);
  });

  it('include flags produce the mapped sub-objects', async () => {
    const device = await client.devices.get(devices[0]?.id ?? '', ALL_DEVICE_INCLUDES);
    expect(device.operatingSystem?.fullName).toEqual(expect.any(String));
    expect(device.cpus?.length).toBeGreaterThan(0);
    expect(device.cpus?.[0]?.cores).toEqual(expect.any(Number));
    expect(device.memory?.[0]?.sizeBytes).toEqual(expect.any(Number));
    expect(device.disks?.[0]?.sizeBytes).toEqual(expect.any(Number));
    expect(device.diskPartitions?.[0]).toHaveProperty('freeSpaceBytes');
    expect(device.networkInterfaces?.[0]?.ipAddresses).toEqual(expect.any(Array));
    expect(device.networkInterfaces?.[0]?.dnsServers).toEqual(expect.any(Array));
    expect(device.motherboard).toHaveProperty('biosVersion');
    expect(device.security).toHaveProperty('patchCompliance');
  });

  it('include flags on a list only add what was asked for', async () => {
    const first = await client.devices.list({}, { include: { operatingSystem: true, disks: true } }).next();
    const device = first.value;
    if (!device) throw new Error('no device');
    expect(device.operatingSystem).toBeTruthy();
    expect(device.disks).toEqual(expect.any(Array));
    expect(device.diskPartitions).toEqual(expect.any(Array));
    expect(device).not.toHaveProperty('cpus');
    expect(device).not.toHaveProperty('security');
  });
});
