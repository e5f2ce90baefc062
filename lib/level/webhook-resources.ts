import type { Alert, Device, Group } from '@/lib/domain/level';
import { toAlert, toDevice, toGroup } from '@/lib/level/mappers';
import { levelAlertSchema } from '@/lib/level/schemas/alert';
import { levelDeviceSchema } from '@/lib/level/schemas/device';
import { levelGroupSchema } from '@/lib/level/schemas/group';
import 'server-only';
import type { z } from 'zod';

// The `data` of Level's webhook events is "the resource" (REFERENCE §8): the same shapes as the
// REST API's, read with the same tolerant schemas and mappers, so an event and a sync can never
// disagree about what a field means. A resource that does not parse is null: the caller ignores
// the event and the next sync brings Level's word.

function parseWith<S extends z.ZodType, T>(schema: S, map: (raw: z.output<S>) => T, data: unknown): T | null {
  const parsed = schema.safeParse(data);
  return parsed.success ? map(parsed.data) : null;
}

export const webhookAlert = (data: unknown): Alert | null => parseWith(levelAlertSchema, toAlert, data);
export const webhookDevice = (data: unknown): Device | null => parseWith(levelDeviceSchema, toDevice, data);
export const webhookGroup = (data: unknown): Group | null => parseWith(levelGroupSchema, toGroup, data);
