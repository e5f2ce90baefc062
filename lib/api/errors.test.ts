import { levelFailure } from '@/lib/actions/level-failure';
import { READ_ONLY_MESSAGE } from '@/lib/actions/write-access';
import { ApiError, toErrorResult } from '@/lib/api/errors';
import type { ApiResult } from '@/lib/api/types';
import {
  ConflictError,
  InvalidInputError,
  LevelFailedError,
  LevelRejectedError,
  NotFoundError,
  ReadOnlyKeyError,
  UnavailableError,
  type DomainError,
} from '@/lib/domain/errors';
import {
  LevelForbiddenError,
  LevelInvalidResponseError,
  LevelNotFoundError,
  LevelRateLimitedError,
  LevelUnauthorizedError,
  LevelUpstreamError,
  LevelValidationError,
  type LevelApiError,
} from '@/lib/level/errors';
import { logger } from '@/lib/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The one error mapper. The e2e suite and the browser (`level_read_only`, `not_synced`, the
// Retry-After wait) depend on these exact statuses, codes and texts.

interface Answer {
  status: number;
  code: string;
  message: string;
  retryAfter: string | undefined;
}

function answer(result: ApiResult): Answer {
  const body = JSON.parse(String(result.body)) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error)).toEqual(['code', 'message']);
  return {
    status: result.status,
    code: body.error.code,
    message: body.error.message,
    retryAfter: result.headers['Retry-After'],
  };
}

const context = { method: 'PATCH', path: '/v2/devices/abc', status: 400 };

afterEach(() => vi.restoreAllMocks());

describe('toErrorResult: domain errors', () => {
  // [error, status, code]: the message always passes through as written.
  const cases: [DomainError, number, string][] = [
    [new NotFoundError('No group with id "g1".'), 404, 'not_found'],
    [new InvalidInputError('Invalid parameter "cursor".'), 400, 'bad_request'],
    [new ConflictError('duplicate', 'A tag named "x" already exists.'), 409, 'duplicate'],
    [new ReadOnlyKeyError(READ_ONLY_MESSAGE), 403, 'level_read_only'],
    [new LevelRejectedError('Level rejected the request: name taken'), 422, 'level_rejected'],
    [new UnavailableError('not_synced', 'Wait for the first sync.'), 503, 'not_synced'],
    [
      new LevelFailedError('partially_triggered', 'Triggered for 3 of 5 devices.'),
      502,
      'partially_triggered',
    ],
  ];

  it.each(cases.map(([error, status, code]) => [error.constructor.name, status, code, error] as const))(
    '%s → %i %s',
    (_name, status, code, error) => {
      expect(answer(toErrorResult(error, 'test'))).toEqual({
        status,
        code,
        message: error.message,
        retryAfter: undefined,
      });
    },
  );

  it('covers every kind of domain error', () => {
    expect(new Set(cases.map(([error]) => error.kind)).size).toBe(7);
  });

  it('sends Retry-After when the error says how long to wait', () => {
    const result = toErrorResult(new UnavailableError('level_rate_limited', 'Wait.', 7), 'test');
    expect(answer(result)).toMatchObject({ status: 503, code: 'level_rate_limited', retryAfter: '7' });
    expect(result.headers['Content-Type']).toBe('application/json; charset=utf-8');
  });

  it('keeps the HTTP-only refusals of lib/api as they are', () => {
    expect(answer(toErrorResult(new ApiError(413, 'payload_too_large', 'Too large.'), 'test'))).toEqual({
      status: 413,
      code: 'payload_too_large',
      message: 'Too large.',
      retryAfter: undefined,
    });
  });
});

describe('toErrorResult: Level errors of an admin action (via levelFailure)', () => {
  const cases: [LevelApiError, Answer][] = [
    [
      new LevelForbiddenError({ ...context, status: 403 }),
      { status: 403, code: 'level_read_only', message: READ_ONLY_MESSAGE, retryAfter: undefined },
    ],
    [
      new LevelNotFoundError({ ...context, status: 404 }),
      {
        status: 404,
        code: 'not_found',
        message: 'Level no longer has this object; it may have just been deleted.',
        retryAfter: undefined,
      },
    ],
    [
      new LevelValidationError({ ...context, status: 422 }, 'name is taken'),
      {
        status: 422,
        code: 'level_rejected',
        message: 'Level rejected the request: name is taken',
        retryAfter: undefined,
      },
    ],
    [
      new LevelRateLimitedError({ ...context, status: 429 }, 2_100),
      {
        status: 503,
        code: 'level_rate_limited',
        message: "Level's rate limit was reached; try again in 3 s.",
        retryAfter: '3',
      },
    ],
    [
      new LevelUnauthorizedError({ ...context, status: 401 }),
      {
        status: 502,
        code: 'level_key_rejected',
        message: 'Level rejected the API key. Check it in Settings.',
        retryAfter: undefined,
      },
    ],
    [
      new LevelUpstreamError({ method: 'PATCH', path: '/v2/devices/abc' }, 'timeout after 15000 ms'),
      {
        status: 502,
        code: 'level_unavailable',
        message: 'Level is unavailable: timeout after 15000 ms (PATCH /v2/devices/abc)',
        retryAfter: undefined,
      },
    ],
    [
      new LevelInvalidResponseError({ ...context, status: 200 }, ['id: expected string']),
      {
        status: 502,
        code: 'level_unavailable',
        message: 'Level sent an unexpected response (id: expected string) (PATCH /v2/devices/abc 200)',
        retryAfter: undefined,
      },
    ],
  ];

  it.each(cases)('%s', (error, expected) => {
    expect(answer(toErrorResult(levelFailure(error), 'test'))).toEqual(expected);
  });

  it('covers every kind of Level error', () => {
    expect(new Set(cases.map(([error]) => error.kind)).size).toBe(7);
  });

  it('waits at least a second, and a minute when Level named no wait', () => {
    const soon = levelFailure(new LevelRateLimitedError(context, 10));
    expect(answer(toErrorResult(soon, 'test')).retryAfter).toBe('1');
    const unnamed = Object.assign(new LevelRateLimitedError(context, 0), { retryAfterMs: undefined });
    expect(answer(toErrorResult(levelFailure(unnamed), 'test')).retryAfter).toBe('60');
  });
});

describe('toErrorResult: anything else', () => {
  const generic = {
    status: 500,
    code: 'internal_error',
    message: 'Something went wrong on the Levelboard server.',
    retryAfter: undefined,
  };

  it('answers a bare 500 and logs the error with the route, leaking nothing', () => {
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const error = new Error('SQLITE_CORRUPT at /data/levelboard.db, key=lvl_secret_123');
    const result = toErrorResult(error, 'devices.list');
    expect(answer(result)).toEqual(generic);
    expect(String(result.body)).not.toMatch(/SQLITE|secret|levelboard\.db|at /);
    expect(logged).toHaveBeenCalledWith(
      { err: error, route: 'devices.list' },
      'Unhandled error in route handler',
    );
  });

  it('treats thrown non-errors and error look-alikes as unknown', () => {
    vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    expect(answer(toErrorResult('a string', 'test'))).toEqual(generic);
    const lookalike = Object.assign(new Error('Not here'), {
      kind: 'not_found',
      code: 'not_found',
      status: 404,
    });
    expect(answer(toErrorResult(lookalike, 'test'))).toEqual(generic);
  });

  it('answers a Level error outside an admin action with the bare 500, as before', () => {
    vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    expect(answer(toErrorResult(new LevelUpstreamError(context, 'HTTP 502'), 'test'))).toEqual(generic);
  });
});
