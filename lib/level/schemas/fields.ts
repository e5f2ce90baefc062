import { z } from 'zod';

// Building blocks for tolerant schemas. Fields Level guarantees (ids, hostname, online…) are
// declared strictly by each resource; everything else goes through these, which never reject:
// absent, null or of an unexpected type becomes null (or an empty list), so one odd optional
// value cannot fail a whole page of devices.

/** string | null. */
export const optString = z
  .string()
  .nullish()
  .catch(null)
  .transform((v) => v ?? null);

/** Numbers, also when sent as numeric strings. */
export const optNumber = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
  ])
  .nullish()
  .catch(null)
  .transform((v) => (v === undefined || v === null || !Number.isFinite(v) ? null : v));

export const optBoolean = z
  .boolean()
  .nullish()
  .catch(null)
  .transform((v) => v ?? null);

/** A version sometimes sent as a number (`11`, `10.5`): kept as a string. */
export const optVersion = z
  .union([z.string(), z.number()])
  .nullish()
  .catch(null)
  .transform((v) => (v === undefined || v === null ? null : String(v)));

/** string[]; a bare string becomes a one-item list, anything else an empty list. */
export const stringList = z
  .union([z.array(z.string()), z.string()])
  .nullish()
  .catch(null)
  .transform((v) => (v === undefined || v === null ? [] : typeof v === 'string' ? [v] : v));

const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * ISO 8601 string or null. Accepts with or without milliseconds; a time without a zone is read as
 * UTC (Level documents UTC); an unparseable value becomes null rather than failing the item.
 */
export function toIsoTimestamp(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  const ms = Date.parse(ISO_WITHOUT_ZONE.test(text) ? `${text.replace(' ', 'T')}Z` : text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export const optTimestamp = z.unknown().optional().transform(toIsoTimestamp);

/** An array of tolerant objects; a non-array (or an array holding non-objects) becomes null. */
export function optArrayOf<T extends z.ZodType>(item: T) {
  return z.array(item).nullish().catch(null);
}

/** A tolerant object; a non-object becomes null. Absent stays absent (undefined). */
export function optObject<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(null);
}
