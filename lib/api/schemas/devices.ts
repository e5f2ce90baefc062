import { booleanParam, cursorParam, idParam, limitParam, listOf } from '@/lib/api/schemas/common';
import { DEVICE_PLATFORMS, DEVICE_ROLES } from '@/lib/domain/device';
import { DEVICE_SORT_KEYS, DEVICE_SORTS } from '@/lib/domain/device-sort';
import { DEVICE_STATUSES } from '@/lib/domain/fleet';
import { PATCH_STATES } from '@/lib/domain/posture';
import type { DeviceListQuery } from '@/lib/fleet/queries/device-list';
import { z } from 'zod';

// The query's type is the fleet query's own (lib/fleet/queries/device-list.ts): `satisfies`
// keeps this parser producing exactly what listDevices takes.

export const deviceListQuery = z.strictObject({
  q: z.string().trim().max(200, { error: 'must be at most 200 characters' }).optional(),
  status: listOf(DEVICE_STATUSES, 'statuses').optional(),
  /** A group id (its whole subtree), or `ungrouped`. */
  group: idParam.optional(),
  /** A tag id or a tag name. */
  tag: z.string().min(1).max(200).optional(),
  platform: listOf(DEVICE_PLATFORMS, 'platforms').optional(),
  role: listOf(DEVICE_ROLES, 'roles').optional(),
  alerts: z.enum(['any', 'none', 'critical'], { error: 'must be any, none or critical' }).optional(),
  /** `any`, `none` or one flag's text (case-insensitive). */
  flag: z.string().trim().min(1).max(200, { error: 'must be at most 200 characters' }).optional(),
  /** Patch state: failed (a pending update has an error), pending, ok (none pending), unknown. */
  patch: listOf(PATCH_STATES, 'patch states').optional(),
  /** Level's risk; `high` includes critical. */
  risk: listOf(['high', 'medium', 'low', 'unknown'], 'risks').optional(),
  antivirus: listOf(['good', 'bad', 'unknown'], 'antivirus states').optional(),
  /** Primary partition encrypted (devices whose encryption is unknown match neither). */
  encrypted: booleanParam.optional(),
  /** Operating system past its end of life. */
  eol: booleanParam.optional(),
  sort: z
    .enum(DEVICE_SORTS, {
      error: `must be one of ${DEVICE_SORT_KEYS.join(', ')} (prefix with - for descending)`,
    })
    .default('hostname'),
  cursor: cursorParam.optional(),
  limit: limitParam(100, 500),
}) satisfies z.ZodType<DeviceListQuery>;

/** `/api/devices/:id`: `detail=0` answers from the snapshot alone, without asking Level. */
export const deviceShowQuery = z.strictObject({
  detail: z.enum(['0', '1']).default('1'),
});
