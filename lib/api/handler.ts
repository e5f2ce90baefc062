import { toErrorResult } from '@/lib/api/errors';
import type { ApiRequest, ApiResult } from '@/lib/api/types';
import { metrics } from '@/lib/metrics';
import { startServerRuntime } from '@/lib/runtime/start';
import { NextResponse, type NextRequest } from 'next/server';
import 'server-only';

export type Params = Record<string, string>;
type Handler = (request: ApiRequest, params: Params) => Promise<ApiResult> | ApiResult;

export interface Route {
  /** For the fast path: neutral request in, neutral result out. */
  handle(request: ApiRequest, params?: Params): Promise<ApiResult>;
  /** For Next's route files: `export const GET = routes.x.next`. */
  next(request: NextRequest, context: { params?: Promise<Params> }): Promise<NextResponse>;
}

/** The one wrapper every route uses: the runtime is up, any throw becomes a clean JSON error, and it is measured. */
export function route(name: string, handler: Handler): Route {
  const handle = async (request: ApiRequest, params: Params = {}): Promise<ApiResult> => {
    const started = performance.now();
    let result: ApiResult;
    try {
      await startServerRuntime();
      result = await handler(request, params);
    } catch (error) {
      result = toErrorResult(error, name);
    }
    const m = metrics();
    m.httpRequests.inc({ route: name, status: String(result.status) });
    m.httpDuration.observe({ route: name }, (performance.now() - started) / 1000);
    return result;
  };
  return {
    handle,
    async next(request, context) {
      const apiRequest: ApiRequest = {
        method: request.method,
        url: request.nextUrl,
        header: (headerName) => request.headers.get(headerName) ?? undefined,
      };
      const result = await handle(apiRequest, (await context.params) ?? {});
      const body =
        typeof result.body === 'string' || result.body === undefined
          ? result.body
          : new Uint8Array(result.body);
      return new NextResponse(body ?? null, { status: result.status, headers: result.headers });
    },
  };
}
