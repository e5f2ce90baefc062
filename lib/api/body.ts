import { badRequest } from '@/lib/api/errors';
import type { ApiRequest } from '@/lib/api/types';
import 'server-only';
import type { z } from 'zod';

const MAX_BODY = 64 * 1024;

/** Parses a JSON (or form-encoded) body with a zod schema; 400 naming the field otherwise. */
export async function parseBody<S extends z.ZodType>(request: ApiRequest, schema: S): Promise<z.infer<S>> {
  const text = await request.text();
  if (text.length > MAX_BODY) throw badRequest('Request body is too large.');
  let raw: unknown;
  const type = request.header('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    raw = Object.fromEntries(new URLSearchParams(text));
  } else {
    try {
      raw = text === '' ? {} : JSON.parse(text);
    } catch {
      throw badRequest('Request body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : 'body';
  throw badRequest(`Invalid field "${field}": ${issue?.message ?? 'invalid value'}.`);
}
