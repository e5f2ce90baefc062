import { MAX_BODY, readLimited, readLimitedBytes } from '@/lib/api/body';
import { errorResult, toErrorResult } from '@/lib/api/errors';
import { metricsFor } from '@/lib/api/request-metrics';
import type { ApiRequest, ApiResult, StreamBody } from '@/lib/api/types';
import { isSameOrigin, resolveAccess, resolveAccessNow, type ResolvedAccess } from '@/lib/auth/access';
import { cameOverHttps, peerFromHeaders } from '@/lib/auth/client-address';
import { canAct, isAdmin, type Access } from '@/lib/auth/scope';
import { isReady, whenReady } from '@/lib/readiness';
import { HSTS } from '@/lib/security-headers';
import { NextResponse, type NextRequest } from 'next/server';
import 'server-only';

export type Params = Record<string, string>;

/**
 * Who may call a route. `read`: any person signed in or a share-link session (scoped by the
 * handler); `act`: a technician or an admin (Level actions, each checked against the caller's
 * scope by the action itself); `admin`: an admin only (settings, users, links); `public`: anyone
 * (health, login). Checked here for every route, so a new route cannot forget it.
 */
export type RouteAccess = 'public' | 'read' | 'act' | 'admin';

type Handler<A> = (request: ApiRequest, params: Params, access: A) => Promise<ApiResult> | ApiResult;

export interface Route {
  readonly access: RouteAccess;
  /**
   * For the fast path: neutral request in, neutral result out. Synchronous when nothing had to
   * wait (a polled GET whose session, endings and link are all in memory), so a poll costs no
   * promise at all; a promise otherwise.
   */
  handle(request: ApiRequest, params?: Params): ApiResult | Promise<ApiResult>;
  /** For Next's route files: `export const GET = routes.x.next`. */
  next(request: NextRequest, context: { params?: Promise<Params> }): Promise<NextResponse>;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> => value instanceof Promise;

export function route(
  name: string,
  handler: Handler<Access>,
  options?: { access?: 'read' | 'act' | 'admin' },
): Route;
export function route(
  name: string,
  handler: Handler<Access | null>,
  options: { access: 'public'; crossSite?: 'signed' },
): Route;
export function route(
  name: string,
  handler: Handler<Access> | Handler<Access | null>,
  options: { access?: RouteAccess; crossSite?: 'signed' } = {},
): Route {
  const required = options.access ?? 'read';
  // `signed`: a public route called by another system (Level's webhooks) and authenticated by a
  // signature over its body, never by a cookie, so there is no session a cross-site form could ride.
  const checkOrigin = options.crossSite !== 'signed';
  const recorded = metricsFor(name);

  const finish = (
    request: ApiRequest,
    result: ApiResult,
    started: number,
  ): ApiResult | Promise<ApiResult> => {
    recorded(result.status, started);
    // An answer sent before the client finished sending its body (a refusal, a 404 before
    // parsing) can reach it as a reset connection; a small unread body is read and dropped first.
    if (MUTATING.has(request.method)) {
      const length = Number(request.header('content-length') ?? 'NaN');
      if (length > 0 && length <= MAX_BODY)
        return request.text().then(
          () => result,
          () => result,
        );
    }
    return result;
  };

  const handle = (request: ApiRequest, params: Params = {}): ApiResult | Promise<ApiResult> => {
    const started = performance.now();
    let outcome: ApiResult | Promise<ApiResult>;
    try {
      outcome = isReady() ? authorised(request, params) : whenReady().then(() => authorised(request, params));
    } catch (error) {
      outcome = toErrorResult(error, name);
    }
    if (!isPromise(outcome)) return finish(request, outcome, started);
    return outcome.then(
      (result) => finish(request, result, started),
      (error: unknown) => finish(request, toErrorResult(error, name), started),
    );
  };

  function authorised(request: ApiRequest, params: Params): ApiResult | Promise<ApiResult> {
    if (checkOrigin && MUTATING.has(request.method) && !isSameOrigin(request)) {
      return errorResult(403, 'forbidden', 'Cross-site request refused.');
    }
    const known = resolveAccessNow(request);
    return known
      ? permitted(request, params, known)
      : resolveAccess(request).then((resolved) => permitted(request, params, resolved));
  }

  function permitted(
    request: ApiRequest,
    params: Params,
    { access, setCookie }: ResolvedAccess,
  ): ApiResult | Promise<ApiResult> {
    if (required !== 'public' && !access)
      return errorResult(401, 'unauthorized', 'Sign in, or open a share link.');
    if (required === 'admin' && !(access && isAdmin(access)))
      return errorResult(403, 'forbidden', 'This needs an admin.');
    if (required === 'act' && !(access && canAct(access)))
      return errorResult(403, 'forbidden', 'This needs a technician or an admin.');
    // access is non-null here unless the route is public, whose handler accepts null.
    const result = (handler as Handler<Access | null>)(request, params, access);
    if (!setCookie) return result;
    // A copy: results may be shared between requests (lib/api/respond.ts).
    const withCookie = (answer: ApiResult): ApiResult =>
      answer.headers['Set-Cookie']
        ? answer
        : {
            status: answer.status,
            headers: { ...answer.headers, 'Set-Cookie': setCookie },
            body: answer.body,
            stream: answer.stream,
          };
    return isPromise(result) ? result.then(withCookie) : withCookie(result);
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
        bytes: () => readLimitedBytes(request.body, MAX_BODY),
      };
      const result = await handle(apiRequest, (await context.params) ?? {});
      const headers = cameOverHttps(apiRequest.remoteAddress, apiRequest.header)
        ? { ...result.headers, [HSTS.key]: HSTS.value }
        : result.headers;
      if (result.stream) return streamed(request, result.stream, result.status, headers);
      const body =
        typeof result.body === 'string' || result.body === undefined
          ? result.body
          : new Uint8Array(result.body);
      return new NextResponse(body ?? null, { status: result.status, headers });
    },
  };
}

/** A streamed answer through Next (`next dev`; production streams go through the fast path). */
function streamed(
  request: NextRequest,
  stream: StreamBody,
  status: number,
  headers: Record<string, string>,
): NextResponse {
  const encoder = new TextEncoder();
  let opened: { onClose(): void } | null = null;
  const close = () => {
    opened?.onClose();
    opened = null;
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      opened = stream.start({
        write: (chunk) => controller.enqueue(encoder.encode(chunk)),
        end: () => {
          close();
          controller.close();
        },
      });
    },
    cancel: close,
  });
  request.signal.addEventListener('abort', close, { once: true });
  return new NextResponse(body, { status, headers });
}
