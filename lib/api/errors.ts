import 'server-only';
import { NextResponse } from 'next/server';
import { logger } from '@/lib/logger';

// One error vocabulary for every route: `{ error: { code, message } }`, never a stack trace.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiError(400, 'bad_request', message);
export const notFound = (message = 'Not found') => new ApiError(404, 'not_found', message);

export function errorResponse(status: number, code: string, message: string, headers?: HeadersInit): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

export function toErrorResponse(error: unknown, route: string): NextResponse {
  if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message);
  logger.error({ err: error, route }, 'Unhandled error in route handler');
  return errorResponse(500, 'internal_error', 'Something went wrong on the Levelboard server.');
}
