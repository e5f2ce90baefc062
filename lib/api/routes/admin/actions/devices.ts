import { withDeviceFromLevel } from '@/lib/actions/fleet-patches';
import { runAction } from '@/lib/actions/run-action';
import {
  actingScope,
  levelIdSchema,
  pathId,
  requireDevices,
  requireGroupId,
  requireWholeFleet,
} from '@/lib/actions/targets';
import { parseBody } from '@/lib/api/body';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { deviceDetails, patchFleet } from '@/lib/fleet/instance';
import 'server-only';
import { z } from 'zod';

const updateSchema = z
  .strictObject({
    /** Empty clears the nickname, so the hostname shows again. */
    nickname: z
      .string()
      .trim()
      .max(100, { error: 'must be at most 100 characters' })
      .regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'must not contain control characters' })
      .optional(),
    notes: z.string().max(10_000, { error: 'must be at most 10,000 characters' }).optional(),
    /** null: out of any group. */
    groupId: levelIdSchema.nullable().optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: 'give a nickname, notes or a group',
  });

export const updateDeviceRoute = route(
  'admin.devices.update',
  async (request, params, access) => {
    const id = pathId(params);
    const input = await parseBody(request, updateSchema);
    const acting = actingScope(access);
    requireDevices(acting, [id]);
    if (input.groupId) requireGroupId(acting, input.groupId);
    // Out of any group is out of a scoped person's clients too.
    if (input.groupId === null) requireWholeFleet(acting, 'take a device out of every group');
    const changed = Object.keys(input).filter((key) => input[key as keyof typeof input] !== undefined);
    const device = await runAction(
      { request, access, action: 'devices.update', target: `device ${id}`, detail: { fields: changed } },
      async (client) => {
        const fresh = await client.devices.update(id, {
          name: input.nickname,
          notes: input.notes,
          groupId: input.groupId,
        });
        deviceDetails().forget(id);
        await patchFleet((data) => withDeviceFromLevel(data, fresh));
        return { value: fresh };
      },
    );
    return json({
      device: { id: device.id, nickname: device.nickname, notes: device.notes, groupId: device.groupId },
    });
  },
  { access: 'act' },
);
