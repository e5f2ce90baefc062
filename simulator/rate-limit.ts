export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one request against `limitPerMinute` (0 or less = unlimited). */
  take(limitPerMinute: number): RateDecision;
  reset(): void;
}

const WINDOW_MS = 60_000;

/** Fixed 60 s windows, like a per-organisation quota; Retry-After is the time left in the window. */
export function createRateLimiter(clock: () => number = () => performance.now()): RateLimiter {
  let windowStart = Number.NEGATIVE_INFINITY;
  let used = 0;
  return {
    take(limit) {
      if (limit <= 0) return { ok: true };
      const now = clock();
      if (now - windowStart >= WINDOW_MS) {
        windowStart = now;
        used = 0;
      }
      if (used < limit) {
        used++;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000)) };
    },
    reset() {
      windowStart = Number.NEGATIVE_INFINITY;
      used = 0;
    },
  };
}
