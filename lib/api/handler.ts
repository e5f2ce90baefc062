import 'server-only';
import type { NextRequest, NextResponse } from 'next/server';
import { toErrorResponse } from '@/lib/api/errors';
import { metrics } from '@/lib/metrics';
import { startServerRuntime } from '@/lib/runtime/start';

type Handler<C> = (request: NextRequest, context: C) => Promise<NextResponse> | NextResponse;

/** The one wrapper every route uses: the runtime is up, any throw becomes a clean JSON error, and it is measured. */
export function route<C = unknown>(name: string, handler: Handler<C>) {
  return async (request: NextRequest, context: C): Promise<NextResponse> => {
    const started = performance.now();
    let response: NextResponse;
    try {
      await startServerRuntime();
      response = await handler(request, context);
    } catch (error) {
      response = toErrorResponse(error, name);
    }
    const m = metrics();
    m.httpRequests.inc({ route: name, status: String(response.status) });
    m.httpDuration.observe({ route: name }, (performance.now() - started) / 1000);
    return response;
  };
}
