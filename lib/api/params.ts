import type { ApiRequest } from '@/lib/api/types';
import { InvalidInputError } from '@/lib/domain/errors';
import 'server-only';
import type { z } from 'zod';

/** Parses query parameters with a strict zod schema; the 400 names the offending parameter. */
export function parseQuery<S extends z.ZodType>(request: ApiRequest, schema: S): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of request.url.searchParams) {
    if (key in raw) throw new InvalidInputError(`Parameter "${key}" is given more than once.`);
    raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    throw new InvalidInputError(
      `Unknown parameter${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`,
    );
  }
  const name = issue?.path[0] === undefined ? 'query' : String(issue.path[0]);
  throw new InvalidInputError(`Invalid parameter "${name}": ${issue?.message ?? 'invalid value'}.`);
}
