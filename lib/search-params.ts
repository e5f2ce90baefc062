import { z } from 'zod';

// Tolerant URL parsers: a hand-edited or outdated link drops what it cannot read instead of
// failing the page, so every field falls back on its own.

export const textParam = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined)
    .catch(undefined);

export const listParam = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .optional()
    .transform((value) => {
      const wanted = new Set(value?.split(',').map((part) => part.trim()));
      return values.filter((known) => wanted.has(known));
    })
    .catch([]);

export const enumParam = <T extends string>(values: readonly [T, ...T[]], fallback: T) =>
  z.enum(values).catch(fallback);

export const optionalEnumParam = <T extends string>(values: readonly [T, ...T[]]) =>
  z.enum(values).optional().catch(undefined);

export function searchRecord(search: URLSearchParams): Record<string, string> {
  return Object.fromEntries(search.entries());
}

/** Sets `key` when the value is meaningful, so default states make short, shareable URLs. */
export function setParam(
  search: URLSearchParams,
  key: string,
  value: string | readonly string[] | undefined,
) {
  const text = typeof value === 'string' ? value : value?.join(',');
  if (text) search.set(key, text);
}
