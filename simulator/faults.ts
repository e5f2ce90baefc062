import { badRequest } from '@/simulator/errors';
import { z } from 'zod';

export type Drift = 'none' | 'extra' | 'missing';

export interface FaultSettings {
  /** Added before every /v2 response. */
  latencyMs: number;
  /** Share of requests answered 500/502/503. */
  errorRate: number;
  /** Share of requests never answered (sockets are destroyed on close()). */
  timeoutRate: number;
  /** Share of 2xx responses sent with a truncated, unparseable JSON body. */
  malformedRate: number;
  /** Overrides SimulatorOptions.rateLimitPerMinute while not null (0 = unlimited). */
  rateLimitPerMinute: number | null;
  /** Retry-After sent while forceRateLimit is on. */
  retryAfterSeconds: number;
  /** Every /v2 request → 429. */
  forceRateLimit: boolean;
  /** 'extra' adds unknown fields to every object; 'missing' drops optional ones. */
  drift: Drift;
  /**
   * `/v2/updates` as a plan without patch data answers it (REFERENCE §6.6): `forbidden` → 403,
   * `missing` → 404; `allowed` serves it.
   */
  updatesAccess: 'allowed' | 'forbidden' | 'missing';
}

export interface FaultController {
  get(): FaultSettings;
  /** Merges a partial update; throws a 400 ApiError when a value is out of range. */
  set(patch: Partial<FaultSettings>): FaultSettings;
  reset(): FaultSettings;
}

const rate = z.number().min(0).max(1);
export const faultPatchSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  errorRate: rate.optional(),
  timeoutRate: rate.optional(),
  malformedRate: rate.optional(),
  rateLimitPerMinute: z.number().int().min(0).nullable().optional(),
  retryAfterSeconds: z.number().int().min(1).max(86_400).optional(),
  forceRateLimit: z.boolean().optional(),
  drift: z.enum(['none', 'extra', 'missing']).optional(),
  updatesAccess: z.enum(['allowed', 'forbidden', 'missing']).optional(),
});

const DEFAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  timeoutRate: 0,
  malformedRate: 0,
  rateLimitPerMinute: null,
  retryAfterSeconds: 30,
  forceRateLimit: false,
  drift: 'none',
  updatesAccess: 'allowed',
};

export function createFaultController(): FaultController {
  let current: FaultSettings = { ...DEFAULTS };
  return {
    get: () => ({ ...current }),
    set(patch) {
      const parsed = faultPatchSchema.safeParse(patch);
      if (!parsed.success) throw badRequest(z.prettifyError(parsed.error));
      const defined = Object.entries(parsed.data).filter(([, value]) => value !== undefined);
      current = { ...current, ...(Object.fromEntries(defined) as Partial<FaultSettings>) };
      return { ...current };
    },
    reset() {
      current = { ...DEFAULTS };
      return { ...current };
    },
  };
}
