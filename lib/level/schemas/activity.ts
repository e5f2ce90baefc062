import { z } from 'zod';

// `/v2/activities` has no documented fields (REFERENCE §6.8): any object is an entry.
export const levelActivitySchema = z.record(z.string(), z.unknown());

export type LevelActivity = z.output<typeof levelActivitySchema>;
