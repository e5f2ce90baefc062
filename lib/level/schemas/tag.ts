import { optNumber } from '@/lib/level/schemas/fields';
import { z } from 'zod';

// REFERENCE §7.5.
export const levelTagSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  device_count: optNumber,
});

export type LevelTag = z.output<typeof levelTagSchema>;
