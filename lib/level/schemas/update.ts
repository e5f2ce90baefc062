import { optBoolean, optNumber, optString, optTimestamp, stringList } from '@/lib/level/schemas/fields';
import { z } from 'zod';

// REFERENCE §7.8.
export const levelUpdateSchema = z.object({
  id: z.string().min(1),
  device_id: z.string(),
  device_hostname: optString,
  name: optString,
  category: optString,
  is_available: optBoolean,
  installed_on: optTimestamp,
  version: optString,
  size: optNumber,
  kb_ids: stringList,
  error: optString,
  published_on: optTimestamp,
});

export type LevelUpdate = z.output<typeof levelUpdateSchema>;
