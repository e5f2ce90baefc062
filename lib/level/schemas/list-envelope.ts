import { z } from 'zod';

/**
 * Level's list shape: `{ data: [...], has_more }`. `has_more` is required: guessing "no more" when
 * it is missing would silently truncate the fleet. An item failing its schema fails the whole page
 * (issue path `data[3].online`) for the same reason: dropping it would make a device vanish.
 */
export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    has_more: z.boolean(),
  });
}

/**
 * For the lists no trace pins (`/automations`, `/automations/webhooks`): `{ data, has_more? }` or a
 * bare array. Items are still validated one by one.
 */
export function lenientListEnvelope<T extends z.ZodType>(item: T) {
  return z.union([z.array(item), z.object({ data: z.array(item), has_more: z.boolean().optional() })]);
}

export type ListEnvelope<T> = { data: T[]; has_more: boolean };
