import { optBoolean, optString } from '@/lib/level/schemas/fields';
import { z } from 'zod';

// REFERENCE §7.6–7.7.
export const levelCustomFieldSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  reference: optString,
  admin_only: optBoolean,
});

/** Values are documented as strings; a number or boolean is kept as its text. */
const fieldValue = z
  .union([z.string(), z.number(), z.boolean()])
  .nullish()
  .catch(null)
  .transform((v) => (v === undefined || v === null ? null : String(v)));

export const levelCustomFieldValueSchema = z.object({
  custom_field_id: z.string().min(1),
  custom_field_name: optString,
  assigned_to_id: optString,
  value: fieldValue,
});

export type LevelCustomField = z.output<typeof levelCustomFieldSchema>;
export type LevelCustomFieldValue = z.output<typeof levelCustomFieldValueSchema>;
