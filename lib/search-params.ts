import { z } from 'zod/mini';

// Tolerant URL parsers: a hand-edited or outdated link drops what it cannot read instead of
// failing the page, so every field falls back on its own. zod/mini keeps this out of the
// browser bundle's weight (the full zod is ~35 kB gzip).

export const textParam = (max = 200) =>
  z.catch(
    z.pipe(
      z.optional(z.string().check(z.trim(), z.maxLength(max))),
      z.transform((value) => value || undefined),
    ),
    undefined,
  );

export const listParam = <T extends string>(values: readonly T[]) =>
  z.catch(
    z.pipe(
      z.optional(z.string()),
      z.transform((value) => {
        const wanted = new Set(value?.split(',').map((part) => part.trim()));
        return values.filter((known) => wanted.has(known));
      }),
    ),
    [],
  );

export const enumParam = <T extends string>(values: readonly [T, ...T[]], fallback: T) =>
  z.catch(z.enum(values), fallback);

export const optionalEnumParam = <T extends string>(values: readonly [T, ...T[]]) =>
  z.catch(z.optional(z.enum(values)), undefined);

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
