import { ApiError } from '@/lib/api/errors';
import type { ApiRequest } from '@/lib/api/types';
import { InvalidInputError } from '@/lib/domain/errors';
import 'server-only';
import type { z } from 'zod';

/** The largest body any route accepts (server/levelboard-server.cjs refuses a larger Content-Length). */
export const MAX_BODY = 64 * 1024;

const tooLarge = () =>
  new ApiError(413, 'payload_too_large', `Request body is too large (limit ${MAX_BODY} bytes).`);

/** Reads a body as UTF-8 text, stopping with 413 as soon as it passes `limit` bytes. */
export async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  return (await readLimitedBytes(body, limit)).toString('utf8');
}

/** The exact bytes (a signature is over them, not over a UTF-8 round trip), with the same cap. */
export async function readLimitedBytes(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Stop pulling, but do not cancel: cancelling destroys the socket before the 413 is sent. The
    // pull-based stream stops reading from the socket; the server closes the connection later.
    if (size > limit) {
      reader.releaseLock();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON (or form-encoded) body with a zod schema; 400 naming the field otherwise. */
export async function parseBody<S extends z.ZodType>(request: ApiRequest, schema: S): Promise<z.infer<S>> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY) throw tooLarge();
  let raw: unknown;
  const type = request.header('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    raw = Object.fromEntries(new URLSearchParams(text));
  } else {
    try {
      raw = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new InvalidInputError('Request body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : 'body';
  throw new InvalidInputError(`Invalid field "${field}": ${issue?.message ?? 'invalid value'}.`);
}
