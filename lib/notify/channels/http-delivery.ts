import type { DeliveryOutcome } from '@/lib/domain/notifications';
import { answerText, redact } from '@/lib/notify/channels/redact';
import { retryAfterMs } from '@/lib/notify/channels/retry-after';
import { APP_VERSION } from '@/lib/version';
import 'server-only';

// One POST to a receiver, and its answer as a DeliveryOutcome: 2xx sent; 429 retry (Retry-After
// honoured); 5xx, 408, timeouts and connection errors retry; any other answer fails for good. Every
// text is built here (never an exception's message as such) and passed through redact().

export interface HttpPost {
  /** Who answers, for error texts: "Slack", "the webhook". */
  receiver: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface HttpContext {
  signal: AbortSignal;
  timeoutMs: number;
  /** Strings that must not appear in any outcome (the channel's secret values). */
  secrets: readonly string[];
}

/** Enough of an answer for the log; the rest is not read (a receiver could stream forever). */
const READ_LIMIT = 16 * 1024;

export const USER_AGENT = `Levelboard/${APP_VERSION}`;

async function readSome(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < READ_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function connectionError(error: unknown, post: HttpPost, context: HttpContext): DeliveryOutcome {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError' || context.signal.aborted)
    return {
      result: 'retry',
      status: null,
      error: `${post.receiver} did not answer within ${Math.round(context.timeoutMs / 1000)} s.`,
      retryAfterMs: null,
      answer: null,
    };
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  return {
    result: 'retry',
    status: null,
    error: redact(`Could not reach ${post.receiver}${code ? ` (${code})` : ''}.`, context.secrets),
    retryAfterMs: null,
    answer: null,
  };
}

/** An answer as an outcome; exported for drivers that send more than one request per message. */
export function outcomeOf(
  receiver: string,
  status: number,
  text: string,
  retryAfter: string | null,
  secrets: readonly string[],
): DeliveryOutcome {
  const answer = answerText(text, secrets);
  if (status >= 200 && status < 300) return { result: 'sent', status, answer };
  if (status === 429)
    return {
      result: 'retry',
      status,
      error: `${receiver} is rate limiting (429).`,
      retryAfterMs: retryAfterMs(retryAfter),
      answer,
    };
  if (status >= 500 || status === 408)
    // A 503 may say when to come back, too.
    return {
      result: 'retry',
      status,
      error: `${receiver} failed (${status}).`,
      retryAfterMs: retryAfterMs(retryAfter),
      answer,
    };
  if (status >= 300 && status < 400)
    return {
      result: 'failed',
      status,
      error: `${receiver} answered with a redirect (${status}): enter the final URL.`,
      answer,
    };
  const why =
    status === 401 || status === 403
      ? 'refused the credentials'
      : status === 404 || status === 410
        ? 'does not know this URL (deleted or mistyped?)'
        : 'refused the message';
  const said = answer ? `: ${answer.slice(0, 200)}` : '';
  return {
    result: 'failed',
    status,
    error: redact(`${receiver} ${why} (${status})${said}`, secrets),
    answer,
  };
}

export async function postOnce(post: HttpPost, context: HttpContext): Promise<DeliveryOutcome> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(post.url, {
      method: 'POST',
      headers: { 'User-Agent': USER_AGENT, ...post.headers },
      body: post.body,
      // A redirect is not followed: the body (and, for some receivers, a token) would go elsewhere.
      redirect: 'manual',
      signal: context.signal,
    });
    text = await readSome(response);
  } catch (error) {
    return connectionError(error, post, context);
  }
  return outcomeOf(
    post.receiver,
    response.status,
    text,
    response.headers.get('retry-after'),
    context.secrets,
  );
}

/** One POST with the attempt's own deadline. */
export function postWithTimeout(
  post: HttpPost,
  options: { timeoutMs: number; secrets: readonly string[] },
): Promise<DeliveryOutcome> {
  return postOnce(post, {
    signal: AbortSignal.timeout(options.timeoutMs),
    timeoutMs: options.timeoutMs,
    secrets: options.secrets,
  }).catch((): DeliveryOutcome => ({
    result: 'retry',
    status: null,
    error: `Sending to ${post.receiver} failed unexpectedly.`,
    retryAfterMs: null,
    answer: null,
  }));
}
