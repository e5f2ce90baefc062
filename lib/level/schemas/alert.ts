import { SEVERITIES } from '@/lib/domain/severity';
import { optBoolean, optString, optTimestamp } from '@/lib/level/schemas/fields';
import { z } from 'zod';

// REFERENCE §7.4. Severity is a confirmed enum: an unknown value fails validation instead of being
// guessed, because ranking alerts wrongly on a wall screen is worse than an explicit error.
const severity = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.enum(SEVERITIES),
);

export const levelAlertSchema = z.object({
  id: z.string().min(1),
  device_id: z.string(),
  device_hostname: optString,
  name: z.string(),
  description: optString,
  payload: optString,
  severity,
  // Required by the contract, but derivable from resolved_at when a response lacks it.
  is_resolved: optBoolean,
  started_at: optTimestamp,
  resolved_at: optTimestamp,
});

export type LevelAlert = z.output<typeof levelAlertSchema>;
