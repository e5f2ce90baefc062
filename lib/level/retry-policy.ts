import 'server-only';

// Pure timing decisions for the client's retry loop.

/**
 * Retry-After as milliseconds from `now`: delta-seconds (integer or decimal) or an HTTP-date.
 * Null when absent or unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random?: () => number;
}

/** Exponential backoff with jitter: attempt 1 → ~base, 2 → ~2×base …, capped; jitter 50–100 %. */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

export const RETRY_AFTER_JITTER_MAX_MS = 500;

/** Extra wait after a Retry-After (100–500 ms) so a fleet of clients does not return in lockstep. */
export function retryAfterJitter(random: () => number = Math.random): number {
  return 100 + Math.round(random() * (RETRY_AFTER_JITTER_MAX_MS - 100));
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
