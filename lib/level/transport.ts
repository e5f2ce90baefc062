import { attempt, type AttemptOutcome } from '@/lib/level/attempt';
import { LevelInvalidResponseError, LevelRateLimitedError, type LevelErrorContext } from '@/lib/level/errors';
import { describeIssues } from '@/lib/level/issues';
import { GatePausedError, type GateLane, type RequestGate } from '@/lib/level/request-gate';
import { backoffDelay, RETRY_AFTER_JITTER_MAX_MS, retryAfterJitter, sleep } from '@/lib/level/retry-policy';
import { buildUrl, type Query } from '@/lib/level/url';
import 'server-only';
import type { z } from 'zod';

// The retry loop around single attempts. Everything here sees the key only as the opaque
// `authorization` string it puts in a header; nothing here logs or throws headers.

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface LevelLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface RequestInfo {
  method: string;
  /** URL path as sent (tokens replaced by a placeholder where the endpoint says so). */
  path: string;
  /** HTTP status, or null for a timeout or network error. */
  status: number | null;
  durationMs: number;
  /** 1 for the first try. */
  attempt: number;
  /** Epoch ms at which the attempt was sent. */
  startedAt: number;
}

export interface RequestOptions<T> {
  query?: Query;
  body?: unknown;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  /**
   * Whether resending after a 5xx / timeout is harmless. Defaults to true except for POST; a 429
   * is always retried because Level did not act on it.
   */
  idempotent?: boolean;
  /** Path to show in errors, logs and onRequest instead of the real one (hides webhook tokens). */
  logPath?: string;
  /**
   * `demand`: asked for by a viewer (device detail). Waits behind every sync request, within its
   * share of the budget, and fails at once rather than wait out a Retry-After of over 5 s.
   */
  lane?: GateLane;
}

const DEMAND_MAX_PAUSE_MS = 5_000;

export interface TransportConfig {
  base: URL;
  authorization: string;
  fetch: typeof fetch;
  timeoutMs: number;
  maxRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  maxRetryAfterMs: number;
  gate: RequestGate;
  logger: LevelLogger | undefined;
  onRequest: ((info: RequestInfo) => void) | undefined;
}

export type RequestFn = <T>(method: HttpMethod, path: string, options: RequestOptions<T>) => Promise<T>;

export function createRequest(config: TransportConfig): RequestFn {
  const scrub = (text: string) => text.split(config.authorization).join('[redacted]');

  return async function request<T>(method: HttpMethod, path: string, options: RequestOptions<T>): Promise<T> {
    const url = buildUrl(config.base, path, options.query);
    const shownPath = options.logPath ? buildUrl(config.base, options.logPath).pathname : url.pathname;
    const context = { method, path: shownPath };
    const idempotent = options.idempotent ?? method !== 'POST';
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);

    for (let attemptNo = 1; ; attemptNo += 1) {
      const lane = options.lane ?? 'sync';
      const release = await acquire(
        config.gate,
        options.signal,
        lane === 'demand' ? DEMAND_MAX_PAUSE_MS : config.maxRetryAfterMs + RETRY_AFTER_JITTER_MAX_MS,
        context,
        lane,
      );
      const startedAt = Date.now();
      let outcome: AttemptOutcome;
      try {
        outcome = await attempt({
          fetch: config.fetch,
          url,
          method,
          headers: headersFor(config.authorization, body !== undefined),
          body,
          timeoutMs: config.timeoutMs,
          signal: options.signal,
          context,
          scrub,
        });
        // Paused before the slot is handed on: a request queued behind this one would otherwise
        // start in the same tick, before Retry-After (seen once a sync ran five lists at once).
        if (!outcome.ok && outcome.status === 429)
          config.gate.pauseUntil(Date.now() + rateLimitWaitMs(outcome, attemptNo) + retryAfterJitter());
      } finally {
        release();
      }
      const durationMs = Date.now() - startedAt;
      const status = outcome.status;
      notify(config, { method, path: shownPath, status, durationMs, attempt: attemptNo, startedAt });
      config.logger?.debug(
        { method, path: shownPath, status, durationMs, attempt: attemptNo },
        'Level request',
      );

      if (outcome.ok) {
        const parsed = options.schema.safeParse(outcome.body);
        if (parsed.success) return parsed.data;
        // Not retried: the same bytes would fail the same way.
        throw new LevelInvalidResponseError(
          { ...context, status: outcome.status },
          describeIssues(parsed.error.issues),
        );
      }

      const retryable = outcome.transient && (idempotent || outcome.unprocessed);
      if (outcome.status === 429) {
        const waitMs = rateLimitWaitMs(outcome, attemptNo);
        config.logger?.warn(
          { method, path: shownPath, retryAfterMs: waitMs, attempt: attemptNo },
          'Level rate limit hit; pausing requests',
        );
        if (attemptNo > config.maxRetries || waitMs > config.maxRetryAfterMs) {
          throw new LevelRateLimitedError({ ...context, status: 429 }, waitMs);
        }
        continue;
      }
      if (!retryable || attemptNo > config.maxRetries) throw outcome.error;
      const delayMs = backoffDelay(attemptNo, { baseMs: config.backoffBaseMs, maxMs: config.backoffMaxMs });
      config.logger?.warn(
        { method, path: shownPath, status, kind: outcome.error.kind, attempt: attemptNo, delayMs },
        'Level request failed; retrying',
      );
      await sleep(delayMs, options.signal);
    }
  };
}

/** How long a 429 pauses every request: Level's Retry-After, else a growing back-off. */
function rateLimitWaitMs(outcome: { retryAfterMs: number | null }, attemptNo: number): number {
  return outcome.retryAfterMs ?? backoffDelay(attemptNo, { baseMs: 1000, maxMs: 30_000 });
}

/** Level asked for a long pause: fail now (nothing is sent) rather than park the caller for minutes. */
async function acquire(
  gate: RequestGate,
  signal: AbortSignal | undefined,
  maxPauseMs: number,
  context: LevelErrorContext,
  lane: GateLane,
) {
  try {
    return await gate.acquire(signal, maxPauseMs, lane);
  } catch (error) {
    if (error instanceof GatePausedError)
      throw new LevelRateLimitedError({ ...context, status: 429 }, error.remainingMs);
    throw error;
  }
}

/** A throwing metrics hook must not fail the Level call it observes. */
function notify(config: TransportConfig, info: RequestInfo): void {
  try {
    config.onRequest?.(info);
  } catch {
    config.logger?.warn({ method: info.method, path: info.path }, 'onRequest hook threw; ignored');
  }
}

function headersFor(authorization: string, hasBody: boolean): Headers {
  // Level wants the raw key: `Authorization: <key>`; `Bearer <key>` is rejected with 401.
  const headers = new Headers({ Authorization: authorization, Accept: 'application/json' });
  if (hasBody) headers.set('Content-Type', 'application/json');
  return headers;
}
