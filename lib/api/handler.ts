import { MAX_BODY, readLimited } from '@/lib/api/body';
import { errorResult, toErrorResult } from '@/lib/api/errors';
import type { ApiRequest, ApiResult } from '@/lib/api/types';
import { isSameOrigin, resolveAccess } from '@/lib/auth/access';
import { cameOverHttps, peerFromHeaders } from '@/lib/auth/client-address';
import type { Access } from '@/lib/auth/scope';
import { metrics } from '@/lib/metrics';
import { startServerRuntime } from '@/lib/runtime/start';
import { HSTS } from '@/lib/security-headers';
import { NextResponse, type NextRequest } from 'next/server';
import 'server-only';

export type Params = Record<string, string>;

/**
 * Who may call a route. `read`: the admin or a share-link session (scoped by the handler);
 * `admin`: the admin only; `public`: anyone (health, login). Checked here for every route, so a
 * new route cannot forget it.
 */
export type RouteAccess = 'public' | 'read' | 'admin';

type Handler<A> = (request: ApiRequest, params: Params, access: A) => Promise<ApiResult> | ApiResult;

export interface Route {
  readonly access: RouteAccess;
  /** For the fast path: neutral request in, neutral result out. */
  handle(request: ApiRequest, params?: Params): Promise<ApiResult>;
  /** For Next's route files: `export const GET = routes.x.next`. */
  next(request: NextRequest, context: { params?: Promise<Params> }): Promise<NextResponse>;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function route(name: string, handler: Handler<Access>, options?: { access?: 'read' | 'admin' }): Route;
export function route(name: string, handler: Handler<Access | null>, options: { access: 'public' }): Route;
export function route(
  name: string,
  handler: Handler<Access> | Handler<Access | null>,
  options: { access?: RouteAccess } = {},
): Route {
  const required = options.access ?? 'read';
  const handle = async (request: ApiRequest, params: Params = {}): Promise<ApiResult> => {
    const started = performance.now();
    let result: ApiResult;
    try {
      await startServerRuntime();
      result = await authorised(request, params);
    } catch (error) {
      result = toErrorResult(error, name);
    }
    // An answer sent before the client finished sending its body (a refusal, a 404 before
    // parsing) can reach it as a reset connection; a small unread body is read and dropped first.
    if (MUTATING.has(request.method)) {
      const length = Number(request.header('content-length') ?? 'NaN');
      if (length > 0 && length <= MAX_BODY) await request.text().catch(() => '');
    }
    const m = metrics();
    m.httpRequests.inc({ route: name, status: String(result.status) });
    m.httpDuration.observe({ route: name }, (performance.now() - started) / 1000);
    return result;
  };

  async function authorised(request: ApiRequest, params: Params): Promise<ApiResult> {
    if (MUTATING.has(request.method) && !isSameOrigin(request)) {
      return errorResult(403, 'forbidden', 'Cross-site request refused.');
    }
    const { access, setCookie } = await resolveAccess(request);
    if (required !== 'public' && !access)
      return errorResult(401, 'unauthorized', 'Sign in, or open a share link.');
    if (required === 'admin' && access?.role !== 'admin')
      return errorResult(403, 'forbidden', 'This needs the admin.');
    // access is non-null here unless the route is public, whose handler accepts null.
    const result = await (handler as Handler<Access | null>)(request, params, access);
    if (setCookie && !result.headers['Set-Cookie']) result.headers['Set-Cookie'] = setCookie;
    return result;
  }

  return {
    access: required,
    handle,
    async next(request, context) {
      const apiRequest: ApiRequest = {
        method: request.method,
        url: request.nextUrl,
        header: (headerName) => request.headers.get(headerName) ?? undefined,
        remoteAddress: peerFromHeaders((headerName) => request.headers.get(headerName) ?? undefined),
        // Read through a byte cap: a chunked body states no length for the edge to refuse.
        text: () => readLimited(request.body, MAX_BODY),
      };
      const result = await handle(apiRequest, (await context.params) ?? {});
      if (cameOverHttps(apiRequest.remoteAddress, apiRequest.header)) result.headers[HSTS.key] = HSTS.value;
      const body =
        typeof result.body === 'string' || result.body === undefined
          ? result.body
          : new Uint8Array(result.body);
      return new NextResponse(body ?? null, { status: result.status, headers: result.headers });
    },
  };
}
