import { z } from 'zod';

export const listOf = <T extends string>(values: readonly [T, ...T[]], name: string) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.enum(values, { error: `must be a comma-separated list of ${name}: ${values.join(', ')}` }))
        .min(1),
    );

export const limitParam = (fallback: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from 1 to ${max}` })
    .int({ error: `must be a whole number from 1 to ${max}` })
    .min(1, { error: `must be a whole number from 1 to ${max}` })
    .max(max, { error: `must be a whole number from 1 to ${max}` })
    .default(fallback);

export const idParam = z.string().min(1).max(200);
export const cursorParam = z.string().max(500);

/** `true` or `false` in a query string (anything else is a 400). */
export const booleanParam = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .transform((value) => value === 'true');
