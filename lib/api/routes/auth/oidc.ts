import { route } from '@/lib/api/handler';
import type { ApiRequest, ApiResult } from '@/lib/api/types';
import { clientAddress } from '@/lib/auth/access';
import { cameOverHttps } from '@/lib/auth/client-address';
import { parseCookies } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import type { Redirect } from '@/lib/oidc/flow';
import { oidcRuntime } from '@/lib/oidc/instance';
import { TRANSACTION_COOKIE } from '@/lib/oidc/transaction';
import 'server-only';

// GET /api/auth/oidc/start?returnTo=/path → the provider; GET /api/auth/oidc/callback → back here.
// Both answer with a redirect only (never JSON, never a stack trace): failures land on
// /login?error=<reason>, which says in words what went wrong.

/**
 * Where the browser reached this server: the redirect URI registered at the provider is built from
 * it. https when a trusted proxy says so (TRUST_PROXY), or when COOKIE_SECURE=true says the site
 * is served over TLS.
 */
function originOf(request: ApiRequest): string {
  const host = request.header('host');
  const https = cameOverHttps(request.remoteAddress, request.header) || getEnv().COOKIE_SECURE === true;
  if (!host || !/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host))
    return request.url.origin;
  return `${https ? 'https' : 'http'}://${host}`;
}

function redirect({ location, cookie }: Redirect): ApiResult {
  return {
    status: 303,
    headers: {
      Location: location,
      'Set-Cookie': cookie,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  };
}

export const oidcStartRoute = route(
  'auth.oidc.start',
  async (request) => {
    const { flow } = await oidcRuntime();
    return redirect(
      await flow.start({
        origin: originOf(request),
        returnTo: request.url.searchParams.get('returnTo'),
        ip: clientAddress(request),
      }),
    );
  },
  { access: 'public' },
);

export const oidcCallbackRoute = route(
  'auth.oidc.callback',
  async (request) => {
    const { flow } = await oidcRuntime();
    return redirect(
      await flow.callback({
        search: request.url.search,
        transactionCookie: parseCookies(request.header('cookie')).get(TRANSACTION_COOKIE),
        ip: clientAddress(request),
        userAgent: request.header('user-agent')?.slice(0, 400) ?? null,
      }),
    );
  },
  { access: 'public' },
);
