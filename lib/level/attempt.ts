import {
  LevelApiError,
  LevelForbiddenError,
  LevelInvalidResponseError,
  LevelNotFoundError,
  LevelRateLimitedError,
  LevelUnauthorizedError,
  LevelUpstreamError,
  LevelValidationError,
  type LevelErrorContext,
} from '@/lib/level/errors';
import { parseRetryAfter } from '@/lib/level/retry-policy';
import 'server-only';

// One HTTP exchange with Level, classified. The API key enters only the Authorization header
// built here and leaves only through `scrub`, which removes it from any text Level sends back.

export interface AttemptInput {
  fetch: typeof fetch;
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  context: LevelErrorContext;
  scrub: (text: string) => string;
}

export type AttemptOutcome =
  | { ok: true; status: number; body: unknown }
  | {
      ok: false;
      status: number | null;
      error: LevelApiError;
      /** Worth another try: the failure may be transient. */
      transient: boolean;
      /** Level certainly did not act on the request (safe to resend even a POST). */
      unprocessed: boolean;
      retryAfterMs: number | null;
    };

class TimeoutSignal extends Error {}

export async function attempt(input: AttemptInput): Promise<AttemptOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutSignal()), input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([controller.signal, input.signal]) : controller.signal;
  try {
    const response = await input.fetch(input.url, {
      method: input.method,
      headers: input.headers,
      body: input.body,
      signal,
      // A redirect could carry the Authorization header somewhere else; Level does not redirect.
      redirect: 'manual',
      cache: 'no-store',
    });
    const text = await response.text();
    return classify(response, text, input);
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason instanceof TimeoutSignal) {
      return failure(
        new LevelUpstreamError(input.context, `timeout after ${input.timeoutMs} ms`),
        null,
        true,
      );
    }
    if (input.signal?.aborted) throw input.signal.reason;
    const code = networkCode(error);
    const refused = code === 'ECONNREFUSED';
    return failure(
      new LevelUpstreamError(input.context, `network error (${code ?? 'unknown'})`),
      null,
      true,
      refused,
    );
  } finally {
    clearTimeout(timer);
  }
}

function classify(response: Response, text: string, input: AttemptInput): AttemptOutcome {
  const status = response.status;
  const context = { ...input.context, status };
  if (status >= 200 && status < 300) {
    if (text.trim() === '') return { ok: true, status, body: null };
    try {
      return { ok: true, status, body: JSON.parse(text) as unknown };
    } catch {
      // Often a truncated or proxy-mangled body, so it is treated as transient.
      return failure(new LevelInvalidResponseError(context, ['(body): not valid JSON']), status, true);
    }
  }
  const levelMessage = errorMessage(text, input.scrub);
  if (status === 401) return failure(new LevelUnauthorizedError(context), status, false);
  if (status === 403) return failure(new LevelForbiddenError(context), status, false);
  if (status === 404) return failure(new LevelNotFoundError(context), status, false);
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    const error = new LevelRateLimitedError(context, retryAfterMs ?? 0);
    return { ok: false, status, error, transient: true, unprocessed: true, retryAfterMs };
  }
  if (status === 408 || status >= 500) {
    return failure(new LevelUpstreamError(context, `HTTP ${status}`), status, true);
  }
  if (status >= 400) return failure(new LevelValidationError(context, levelMessage), status, false);
  return failure(new LevelUpstreamError(context, `unexpected HTTP ${status}`), status, false);
}

function failure(
  error: LevelApiError,
  status: number | null,
  transient: boolean,
  unprocessed = false,
): AttemptOutcome {
  return { ok: false, status, error, transient, unprocessed, retryAfterMs: null };
}

/** Level's `{"error": "..."}` text, scrubbed and shortened; null when absent. */
function errorMessage(text: string, scrub: (text: string) => string): string | null {
  let message: unknown;
  try {
    message = (JSON.parse(text) as { error?: unknown } | null)?.error;
  } catch {
    return null;
  }
  if (typeof message !== 'string' || message.trim() === '') return null;
  const clean = scrub(message).replace(/\s+/g, ' ').trim();
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

/** `ECONNREFUSED`-style code from undici's `fetch failed` error; never its message. */
function networkCode(error: unknown): string | null {
  const cause = error instanceof Error ? error.cause : undefined;
  for (const candidate of [cause, error]) {
    if (typeof candidate === 'object' && candidate !== null && 'code' in candidate) {
      const code = (candidate as { code: unknown }).code;
      if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
    }
  }
  return null;
}
