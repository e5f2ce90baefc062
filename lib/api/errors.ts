import { json, type ApiResult } from '@/lib/api/types';
import { logger } from '@/lib/logger';
import 'server-only';

// One error vocabulary for every route: `{ error: { code, message } }`, never a stack trace.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiError(400, 'bad_request', message);
export const notFound = (message = 'Not found') => new ApiError(404, 'not_found', message);

export function errorResult(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): ApiResult {
  return json({ error: { code, message } }, status, headers);
}

export function toErrorResult(error: unknown, route: string): ApiResult {
  if (error instanceof ApiError) return errorResult(error.status, error.code, error.message, error.headers);
  logger.error({ err: error, route }, 'Unhandled error in route handler');
  return errorResult(500, 'internal_error', 'Something went wrong on the Levelboard server.');
}
