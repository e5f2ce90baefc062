import { json, type ApiResult } from '@/lib/api/types';
import { DomainError, UnavailableError, type DomainErrorKind } from '@/lib/domain/errors';
import { logger } from '@/lib/logger';
import 'server-only';

// The one error mapper: every failure a route lets escape becomes `{ error: { code, message } }`
// here and nowhere else, never a stack trace. The core throws domain errors (lib/domain/errors.ts;
// admin actions turn Level's errors into those, lib/actions/level-failure.ts); only this file knows
// which status each becomes. Anything else is a bug: logged, and answered with a bare 500.

/** A refusal that only exists in HTTP (a body too large); the core throws domain errors instead. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const STATUS: Record<DomainErrorKind, number> = {
  not_found: 404,
  forbidden: 403,
  invalid_input: 400,
  conflict: 409,
  read_only_key: 403,
  level_rejected: 422,
  unavailable: 503,
  level_failed: 502,
};

export function errorResult(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): ApiResult {
  return json({ error: { code, message } }, status, headers);
}

function domainErrorResult(error: DomainError): ApiResult {
  const retryAfter = error instanceof UnavailableError ? error.retryAfterSeconds : undefined;
  return errorResult(
    STATUS[error.kind],
    error.code,
    error.message,
    retryAfter === undefined ? undefined : { 'Retry-After': String(retryAfter) },
  );
}

export function toErrorResult(error: unknown, route: string): ApiResult {
  if (error instanceof DomainError) return domainErrorResult(error);
  if (error instanceof ApiError) return errorResult(error.status, error.code, error.message);
  logger.error({ err: error, route }, 'Unhandled error in route handler');
  return errorResult(500, 'internal_error', 'Something went wrong on the Levelboard server.');
}
