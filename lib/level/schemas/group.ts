import { optNumber, optString, stringList } from '@/lib/level/schemas/fields';
import { z } from 'zod';

// REFERENCE §7.3.
export const levelGroupSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  parent_id: optString,
  child_ids: stringList,
  device_count: optNumber,
  descendent_device_count: optNumber,
});

export type LevelGroup = z.output<typeof levelGroupSchema>;
