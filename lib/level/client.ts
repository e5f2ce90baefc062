import { activitiesEndpoints } from '@/lib/level/endpoints/activities';
import { alertsEndpoints } from '@/lib/level/endpoints/alerts';
import { automationsEndpoints } from '@/lib/level/endpoints/automations';
import { devicesEndpoints } from '@/lib/level/endpoints/devices';
import { groupsEndpoints } from '@/lib/level/endpoints/groups';
import type { LevelTransport } from '@/lib/level/endpoints/shared';
import { tagsEndpoints } from '@/lib/level/endpoints/tags';
import { updatesEndpoints } from '@/lib/level/endpoints/updates';
import { collect, createPaginate, flatten, type PaginateOptions } from '@/lib/level/pagination';
import { RequestGate, type RequestGateState } from '@/lib/level/request-gate';
import { createRequest, type LevelLogger, type RequestInfo } from '@/lib/level/transport';
import { buildUrl, parseBaseUrl, type Query } from '@/lib/level/url';
import 'server-only';
import type { z } from 'zod';

// The one choke point for Level. The API key lives only in this closure (and the Authorization
// header built per request): it is not a property of the returned object, not in any error, and
// never logged. Every request of one client shares one RequestGate (concurrency, per-minute
// budget, Retry-After pause).

export interface LevelClientOptions {
  /** Includes the version, e.g. `https://api.level.io/v2`. */
  baseUrl: string;
  apiKey: string;
  /** Per attempt, including reading the body. Default 15 000. */
  timeoutMs?: number;
  /** Extra attempts after the first for transient failures and 429s. Default 3. */
  maxRetries?: number;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /** Requests started per sliding minute. Default 300. */
  requestsPerMinute?: number;
  /** First retry delay; doubles per attempt with jitter. Default 500. */
  backoffBaseMs?: number;
  /** Cap on one retry delay. Default 10 000. */
  backoffMaxMs?: number;
  /**
   * A Retry-After longer than this is not waited out inside a call: the call fails with
   * `rate_limited` (and later calls fail fast until the pause ends). Default 120 000.
   */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
  logger?: LevelLogger;
  onRequest?: (info: RequestInfo) => void;
}

/** Visible ASCII without spaces; anything else would make fetch throw an error quoting the key. */
const KEY_SHAPE = /^[\x21-\x7e]+$/;

export function createLevelClient(options: LevelClientOptions) {
  const apiKey = options.apiKey.trim();
  if (apiKey === '') throw new Error('Level API key is empty');
  if (!KEY_SHAPE.test(apiKey))
    throw new Error('Level API key contains characters that cannot be sent in a header');
  const base = parseBaseUrl(options.baseUrl);
  const gate = new RequestGate({
    concurrency: options.concurrency,
    requestsPerMinute: options.requestsPerMinute,
  });

  const request = createRequest({
    base,
    authorization: apiKey,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: options.timeoutMs ?? 15_000,
    maxRetries: Math.max(0, options.maxRetries ?? 3),
    backoffBaseMs: options.backoffBaseMs ?? 500,
    backoffMaxMs: options.backoffMaxMs ?? 10_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
    gate,
    logger: options.logger,
    onRequest: options.onRequest,
  });
  const paginate = createPaginate(request, (path) => buildUrl(base, path).pathname);
  const transport: LevelTransport = { request, paginate };

  return {
    request,
    /** Async iterator of pages (arrays of parsed items). */
    paginate,
    /** Every item of a list endpoint. */
    collectAll<T>(
      path: string,
      query: Query,
      itemSchema: z.ZodType<T>,
      pageOptions?: PaginateOptions,
    ): Promise<T[]> {
      return collect(flatten(paginate(path, query, itemSchema, pageOptions)));
    },
    /** Queue and pause state of this client's request gate (for health pages). */
    gateState: (): RequestGateState => gate.state(),
    devices: devicesEndpoints(transport),
    groups: groupsEndpoints(transport),
    alerts: alertsEndpoints(transport),
    tags: tagsEndpoints(transport),
    updates: updatesEndpoints(transport),
    automations: automationsEndpoints(transport, options.logger),
    activities: activitiesEndpoints(transport, options.logger),
  };
}

export type LevelClient = ReturnType<typeof createLevelClient>;
export { collect as collectAll };
