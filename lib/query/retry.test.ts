import { LevelboardApiError } from '@/lib/query/fetch-json';
import { retryDelay, shouldRetry } from '@/lib/query/retry';
import { describe, expect, it } from 'vitest';

// When the browser asks again after a failed query, and how long it waits first.

const api = (status: number, code = 'http_error') =>
  new LevelboardApiError(status, code, `answered ${status}`);

/** How many times a query failing this way is retried before the page shows the error. */
function retriesOf(error: Error, limit = 50): number {
  let failures = 0;
  while (failures < limit && shouldRetry(failures, error)) failures += 1;
  return failures;
}

describe('shouldRetry', () => {
  it('keeps asking while the server has not synced yet, however long it takes', () => {
    expect(retriesOf(api(503, 'not_synced'))).toBe(50);
    // The code decides, whatever status a proxy put around it.
    expect(retriesOf(api(502, 'not_synced'))).toBe(50);
  });

  it('never retries an answer that asking again cannot change', () => {
    for (const status of [400, 401, 404]) expect(retriesOf(api(status)), String(status)).toBe(0);
    expect(retriesOf(api(404, 'not_found'))).toBe(0);
    expect(retriesOf(api(401, 'unauthorized'))).toBe(0);
  });

  it('retries anything else twice: server errors, refusals, timeouts and network failures', () => {
    const others = [
      api(500, 'internal_error'),
      api(502),
      api(503, 'level_unavailable'),
      api(504),
      api(403, 'forbidden'),
      api(409, 'conflict'),
      api(429, 'rate_limited'),
      new TypeError('Failed to fetch'),
      new SyntaxError('Unexpected token < in JSON'),
      new Error('anything'),
    ];
    for (const error of others) expect(retriesOf(error), error.message).toBe(2);
  });
});

describe('retryDelay', () => {
  it('waits a steady 2 s while the server syncs', () => {
    for (const failures of [0, 1, 5, 40]) expect(retryDelay(failures, api(503, 'not_synced'))).toBe(2_000);
  });

  it('backs off by doubling from 1 s, never past 15 s', () => {
    const delays = Array.from({ length: 8 }, (_, failures) => retryDelay(failures, api(500)));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000, 15_000]);
    expect(retryDelay(1_000, new TypeError('Failed to fetch'))).toBe(15_000);
  });
});
