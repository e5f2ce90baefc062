import { applyDrift } from '@/simulator/drift';
import { ApiError } from '@/simulator/errors';
import type { FaultController } from '@/simulator/faults';
import { readJson, sendError, sendJson, sendText, sleep } from '@/simulator/http-io';
import type { Rng } from '@/simulator/random';
import type { RateLimiter } from '@/simulator/rate-limit';
import type { RequestStats } from '@/simulator/request-stats';
import type { Access } from '@/simulator/route-types';
import { matchRoute } from '@/simulator/router';
import type { SimulatorState } from '@/simulator/state';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ApiContext {
  readonly state: SimulatorState;
  readonly faults: FaultController;
  readonly limiter: RateLimiter;
  readonly stats: RequestStats;
  /** Fault dice; seeded so a failing fault test can be replayed. */
  readonly rng: Rng;
  readonly apiKey: string;
  readonly readOnlyKey: string | undefined;
  readonly baseRateLimit: number;
  readonly fallbackOrigin: () => string;
  /** Requests deliberately left unanswered (timeout fault); destroyed on close(). */
  readonly hung: Set<ServerResponse>;
  readonly log: (message: string) => void;
}

const SERVER_ERRORS = [
  [500, 'Internal server error'],
  [502, 'Bad gateway'],
  [503, 'Service unavailable'],
] as const;

/**
 * The /v2 pipeline, in order: count → latency → timeout → forced 429 → auth → rate limit →
 * injected 5xx → route (404) → handler → malformed body / drift. Auth compares the raw header
 * with the key exactly, so `Bearer <key>` is a 401 like any other wrong value.
 */
export async function handleApi(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? 'GET';
  const match = matchRoute(method, url.pathname);
  ctx.stats.record(match ? `${method} ${match.route.path}` : `${method} (unmatched)`);
  const closed = ctx.stats.opened();
  res.once('close', closed);
  const authorization = req.headers.authorization;
  if (authorization !== undefined && /^bearer\s/i.test(authorization)) ctx.stats.violation('bearer');
  const limitParam = url.searchParams.get('limit');
  if (limitParam !== null && Number(limitParam) > 100) ctx.stats.violation('limitOver100');

  const faults = ctx.faults.get();
  if (faults.latencyMs > 0) await sleep(faults.latencyMs);
  if (faults.timeoutRate > 0 && ctx.rng.next() < faults.timeoutRate) {
    ctx.hung.add(res);
    res.on('close', () => ctx.hung.delete(res));
    return;
  }
  if (faults.forceRateLimit) return rateLimited(ctx, res, faults.retryAfterSeconds);

  const access: Access =
    authorization === ctx.apiKey
      ? 'rw'
      : ctx.readOnlyKey !== undefined && authorization === ctx.readOnlyKey
        ? 'ro'
        : null;
  if (match?.route.auth !== 'handler') {
    if (access === null) return fail(ctx, res, 401, 'Access denied');
    if (access === 'ro' && method !== 'GET') return fail(ctx, res, 403, 'This API key is read-only');
  }
  const decision = ctx.limiter.take(faults.rateLimitPerMinute ?? ctx.baseRateLimit);
  if (!decision.ok) return rateLimited(ctx, res, decision.retryAfterSeconds);
  if (faults.errorRate > 0 && ctx.rng.next() < faults.errorRate) {
    const [status, message] = ctx.rng.pick(SERVER_ERRORS);
    return fail(ctx, res, status, message);
  }
  if (!match) return fail(ctx, res, 404, 'Not found');
  if (faults.updatesAccess !== 'allowed' && match.route.path.startsWith('/v2/updates'))
    return faults.updatesAccess === 'forbidden'
      ? fail(ctx, res, 403, 'Your plan does not include patch management')
      : fail(ctx, res, 404, 'Not found');

  try {
    const body = method === 'GET' ? undefined : await readJson(req);
    const host = req.headers.host;
    const origin = host ? `http://${host}` : ctx.fallbackOrigin();
    const result = match.route.handler({
      state: ctx.state,
      param: match.param,
      query: url.searchParams,
      body,
      origin,
      access,
    });
    if (faults.malformedRate > 0 && ctx.rng.next() < faults.malformedRate) {
      const text = JSON.stringify(result.body);
      // Any strict prefix of a JSON object or array is invalid JSON.
      return sendText(res, result.status, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    }
    sendJson(res, result.status, applyDrift(result.body, faults.drift));
  } catch (error) {
    if (error instanceof ApiError) return fail(ctx, res, error.status, error.message);
    ctx.log(
      `simulator: ${method} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    fail(ctx, res, 500, 'Internal server error');
  }
}

function fail(ctx: ApiContext, res: ServerResponse, status: number, message: string): void {
  if (status === 401) ctx.stats.rejectedAuth();
  sendError(res, status, message);
}

function rateLimited(ctx: ApiContext, res: ServerResponse, retryAfterSeconds: number): void {
  ctx.stats.rateLimited();
  sendError(res, 429, 'Rate limit exceeded', {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
}
