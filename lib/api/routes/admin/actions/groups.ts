import { withDevicesMoved, withDevicesUngrouped, withGroups } from '@/lib/actions/fleet-patches';
import { runAction } from '@/lib/actions/run-action';
import {
  actingScope,
  type ActingScope,
  describeDevices,
  deviceIdsSchema,
  levelIdSchema,
  nameSchema,
  pathId,
  requireDevices,
  requireGroupId,
  requireWholeFleet,
} from '@/lib/actions/targets';
import { parseBody } from '@/lib/api/body';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { ForbiddenError, InvalidInputError } from '@/lib/domain/errors';
import { patchFleet } from '@/lib/fleet/instance';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import type { LevelClient } from '@/lib/level';
import 'server-only';
import { z } from 'zod';

const createSchema = z.strictObject({ name: nameSchema, parentId: levelIdSchema.nullable().default(null) });
/** `parentId` absent: stay where it is (Level would move it to the root); null: make it top-level. */
const updateSchema = z
  .strictObject({ name: nameSchema.optional(), parentId: levelIdSchema.nullable().optional() })
  .refine((input) => input.name !== undefined || input.parentId !== undefined, {
    message: 'give a new name, a new parent, or both',
  });
const devicesSchema = z.strictObject({ deviceIds: deviceIdsSchema });

/** Level's word on the groups after a change, so names, parents and counts are all current. */
async function refreshGroups(client: LevelClient): Promise<void> {
  const groups = await client.groups.listAll();
  await patchFleet((data) => withGroups(data, groups));
}

/**
 * A scoped person's clients are the groups their scope names: renaming, moving or deleting one
 * of those changes what the admin gave them, so it is the admin's to do.
 */
function refuseScopeRoot({ access }: ActingScope, id: string, verb: string): void {
  if (access.scope.kind === 'groups' && access.scope.groupIds.includes(id))
    throw new ForbiddenError(`Only an admin can ${verb} a client group that defines your scope.`);
}

function refuseCycle(snapshot: FleetSnapshot, id: string, parentId: string): void {
  if (parentId === id) throw new InvalidInputError('A group cannot be its own parent.');
  const byId = new Map(snapshot.groups.map((group) => [group.id, group]));
  for (let at = byId.get(parentId); at; at = at.parentId ? byId.get(at.parentId) : undefined) {
    if (at.id === id) throw new InvalidInputError('A group cannot move under one of its own subgroups.');
  }
}

export const createGroupRoute = route(
  'admin.groups.create',
  async (request, _params, access) => {
    const input = await parseBody(request, createSchema);
    const acting = actingScope(access);
    if (input.parentId) requireGroupId(acting, input.parentId);
    else requireWholeFleet(acting, 'create a top-level group');
    const group = await runAction(
      { request, access, action: 'groups.create', target: input.name, detail: { parentId: input.parentId } },
      async (client) => {
        const created = await client.groups.create(input);
        await refreshGroups(client);
        return { value: created, detail: { groupId: created.id } };
      },
    );
    return json({ group }, 201);
  },
  { access: 'act' },
);

export const updateGroupRoute = route(
  'admin.groups.update',
  async (request, params, access) => {
    const id = pathId(params);
    const input = await parseBody(request, updateSchema);
    const acting = actingScope(access);
    requireGroupId(acting, id);
    if (input.parentId) {
      requireGroupId(acting, input.parentId);
      refuseCycle(acting.snapshot, id, input.parentId);
    } else if (input.parentId === null) requireWholeFleet(acting, 'make a group top-level');
    refuseScopeRoot(acting, id, input.parentId === undefined ? 'rename' : 'move');
    const group = await runAction(
      {
        request,
        access,
        action: input.parentId === undefined ? 'groups.rename' : 'groups.move',
        target: `group ${id}`,
        detail: { name: input.name, parentId: input.parentId },
      },
      async (client) => {
        // Level moves a group to the root when a PATCH omits parent_id, so the current parent is
        // read from Level (not the snapshot, which may be a sync old) and sent again.
        const parentId =
          input.parentId !== undefined ? input.parentId : (await client.groups.get(id)).parentId;
        const updated = await client.groups.update(id, { name: input.name, parentId });
        await refreshGroups(client);
        return { value: updated };
      },
    );
    return json({ group });
  },
  { access: 'act' },
);

export const deleteGroupRoute = route(
  'admin.groups.delete',
  async (request, params, access) => {
    const id = pathId(params);
    const acting = actingScope(access);
    requireGroupId(acting, id);
    refuseScopeRoot(acting, id, 'delete');
    const node = acting.snapshot.groupNodes.get(id);
    await runAction(
      {
        request,
        access,
        action: 'groups.delete',
        target: `group ${id}`,
        detail: { name: node?.name, devicesUngrouped: node?.direct.devices.total ?? null },
      },
      async (client) => {
        await client.groups.delete(id);
        await refreshGroups(client);
        return { value: null };
      },
    );
    return json({ ok: true });
  },
  { access: 'act' },
);

function membershipRoute(mode: 'add' | 'remove') {
  return route(
    mode === 'add' ? 'admin.groups.devices.add' : 'admin.groups.devices.remove',
    async (request, params, access) => {
      const id = pathId(params);
      const { deviceIds } = await parseBody(request, devicesSchema);
      const acting = actingScope(access);
      requireGroupId(acting, id);
      requireDevices(acting, deviceIds);
      // Removed from a group, a device lands outside every group: outside a scoped person's clients.
      if (mode === 'remove') requireWholeFleet(acting, 'take devices out of a group');
      await runAction(
        {
          request,
          access,
          action: mode === 'add' ? 'groups.devices.add' : 'groups.devices.remove',
          target: `group ${id}`,
          detail: { devices: describeDevices(deviceIds) },
        },
        async (client) => {
          if (mode === 'add') {
            await client.groups.addDevices(id, deviceIds);
            await patchFleet((data) => withDevicesMoved(data, deviceIds, id));
          } else {
            await client.groups.removeDevices(id, deviceIds);
            await patchFleet((data) => withDevicesUngrouped(data, deviceIds, id));
          }
          return { value: null, detail: { count: deviceIds.length } };
        },
      );
      return json({ ok: true, count: deviceIds.length });
    },
    { access: 'act' },
  );
}

export const addGroupDevicesRoute = membershipRoute('add');
export const removeGroupDevicesRoute = membershipRoute('remove');
