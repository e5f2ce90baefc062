import { withTagAdded, withTagRemoved, withTagRenamed, withTags } from '@/lib/actions/fleet-patches';
import { runAction } from '@/lib/actions/run-action';
import {
  actingScope,
  describeDevices,
  deviceIdsSchema,
  nameSchema,
  pathId,
  requireDevices,
  requireTag,
  requireWholeFleet,
} from '@/lib/actions/targets';
import { parseBody } from '@/lib/api/body';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { ConflictError } from '@/lib/domain/errors';
import { patchFleet } from '@/lib/fleet/instance';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import type { LevelClient } from '@/lib/level';
import 'server-only';
import { z } from 'zod';

const nameBody = z.strictObject({ name: nameSchema });
const devicesBody = z.strictObject({ deviceIds: deviceIdsSchema });

/** Tag names are unique in Level (case-insensitively); say so before Level answers a bare 422. */
function refuseDuplicate(snapshot: FleetSnapshot, name: string, exceptId?: string): void {
  const clash = snapshot.tags.find(
    (tag) => tag.id !== exceptId && tag.name.toLowerCase() === name.toLowerCase(),
  );
  if (clash) throw new ConflictError('duplicate', `A tag named "${clash.name}" already exists.`);
}

async function refreshTags(client: LevelClient): Promise<void> {
  const tags = await client.tags.listAll();
  await patchFleet((data) => withTags(data, tags));
}

/** Tags with how many devices carry each, counted from the synced fleet. */
export const tagsRoute = route(
  'admin.tags.list',
  (_request, _params, access) => {
    const { snapshot, view } = actingScope(access);
    // Counted over what the caller may see: a scoped technician learns nothing of other clients.
    const counts = new Map<string, number>();
    snapshot.devices.forEach((device, index) => {
      if (!view.deviceAllowed(device, index)) return;
      for (const name of device.tags) counts.set(name, (counts.get(name) ?? 0) + 1);
    });
    const tags = snapshot.tags
      .map((tag) => ({ id: tag.id, name: tag.name, deviceCount: counts.get(tag.name) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return json({ tags });
  },
  { access: 'act' },
);

export const createTagRoute = route(
  'admin.tags.create',
  async (request, _params, access) => {
    const { name } = await parseBody(request, nameBody);
    const acting = actingScope(access);
    requireWholeFleet(acting, 'create tags');
    refuseDuplicate(acting.snapshot, name);
    const tag = await runAction({ request, access, action: 'tags.create', target: name }, async (client) => {
      const created = await client.tags.create(name);
      await refreshTags(client);
      return { value: created, detail: { tagId: created.id } };
    });
    return json({ tag }, 201);
  },
  { access: 'act' },
);

export const renameTagRoute = route(
  'admin.tags.rename',
  async (request, params, access) => {
    const id = pathId(params);
    const { name } = await parseBody(request, nameBody);
    const acting = actingScope(access);
    requireWholeFleet(acting, 'rename tags');
    const before = requireTag(acting, id);
    refuseDuplicate(acting.snapshot, name, id);
    const tag = await runAction(
      {
        request,
        access,
        action: 'tags.rename',
        target: `tag ${id}`,
        detail: { from: before.name, to: name },
      },
      async (client) => {
        const renamed = await client.tags.rename(id, name);
        const tags = await client.tags.listAll();
        await patchFleet((data) => withTags(withTagRenamed(data, before.name, renamed.name), tags));
        return { value: renamed };
      },
    );
    return json({ tag });
  },
  { access: 'act' },
);

export const deleteTagRoute = route(
  'admin.tags.delete',
  async (request, params, access) => {
    const id = pathId(params);
    const acting = actingScope(access);
    requireWholeFleet(acting, 'delete tags');
    const tag = requireTag(acting, id);
    await runAction(
      { request, access, action: 'tags.delete', target: `tag ${id}`, detail: { name: tag.name } },
      async (client) => {
        await client.tags.delete(id);
        const tags = await client.tags.listAll();
        await patchFleet((data) => withTags(withTagRemoved(data, null, tag.name), tags));
        return { value: null };
      },
    );
    return json({ ok: true });
  },
  { access: 'act' },
);

function tagDevicesRoute(mode: 'add' | 'remove') {
  return route(
    mode === 'add' ? 'admin.tags.devices.add' : 'admin.tags.devices.remove',
    async (request, params, access) => {
      const id = pathId(params);
      const { deviceIds } = await parseBody(request, devicesBody);
      const acting = actingScope(access);
      const { snapshot } = acting;
      const tag = requireTag(acting, id);
      requireDevices(acting, deviceIds);
      // Level answers 422 when a device already has (or lacks) the tag, failing the whole chunk;
      // only the devices that need the change are sent.
      const needed = deviceIds.filter((deviceId) => {
        const has = snapshot.deviceById.get(deviceId)?.tags.includes(tag.name) ?? false;
        return mode === 'add' ? !has : has;
      });
      await runAction(
        {
          request,
          access,
          action: mode === 'add' ? 'tags.devices.add' : 'tags.devices.remove',
          target: `tag ${id}`,
          detail: { name: tag.name, devices: describeDevices(deviceIds), changed: needed.length },
        },
        async (client) => {
          if (needed.length > 0) {
            if (mode === 'add') await client.tags.addDevices(id, needed);
            else await client.tags.removeDevices(id, needed);
          }
          await patchFleet((data) =>
            mode === 'add' ? withTagAdded(data, needed, tag.name) : withTagRemoved(data, needed, tag.name),
          );
          return { value: null };
        },
      );
      return json({ ok: true, count: deviceIds.length, changed: needed.length });
    },
    { access: 'act' },
  );
}

export const addTagDevicesRoute = tagDevicesRoute('add');
export const removeTagDevicesRoute = tagDevicesRoute('remove');
