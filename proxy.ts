import { cameOverHttps, peerFromHeaders } from '@/lib/auth/client-address';
import { contentSecurityPolicy, HSTS } from '@/lib/security-headers';
import { NextResponse, type NextRequest } from 'next/server';

// Not an access check (pages check the session themselves). For every page request it:
// - makes the page's CSP with a fresh nonce, on the request (Next reads it there and puts the
//   nonce on its own scripts; the root layout gives it to our inline theme script) and on the
//   response;
// - adds HSTS when the client came over https (a TRUST_PROXY proxy says so: Levelboard serves
//   plain http itself).
// TRACE and TRACK never get here (Next refuses to build a request for them); the production
// entry answers them 405 first.

const DEV = process.env.NODE_ENV !== 'production';

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(DEV, nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  const header = (name: string) => request.headers.get(name) ?? undefined;
  // Not request.nextUrl.protocol: Next derives it from X-Forwarded-Proto, whoever sent that.
  if (cameOverHttps(peerFromHeaders(header), header)) {
    response.headers.set(HSTS.key, HSTS.value);
  }
  return response;
}

// Not /api: with a proxy, Next reads a request's whole body before the route runs (to clone it),
// which would defeat the routes' capped body reader. Route responses get their headers from
// next.config.ts and lib/api/handler.ts.
export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
