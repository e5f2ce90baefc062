import type { ApiRequest } from '@/lib/api/types';
import { clientAddressOf } from '@/lib/auth/client-address';
import { isSessionLive } from '@/lib/auth/live-sessions';
import { currentShareLink } from '@/lib/auth/live-share-links';
import type { Access } from '@/lib/auth/scope';
import { readSession, touchedAdminCookie } from '@/lib/auth/session';
import { isUsable } from '@/lib/auth/share-links';
import 'server-only';

export interface ResolvedAccess {
  access: Access | null;
  /** A refreshed session cookie to send back (admin idle clock), if any. */
  setCookie: string | null;
}

/** Who is asking: the admin, a share-link session whose link is still valid right now, or nobody. */
export async function accessFromCookies(cookieHeader: string | undefined): Promise<ResolvedAccess> {
  const session = await readSession(cookieHeader);
  if (!session || !(await isSessionLive(session))) return { access: null, setCookie: null };
  if (session.role === 'admin')
    return { access: { role: 'admin' }, setCookie: await touchedAdminCookie(session) };
  const link = await currentShareLink(session.linkId);
  if (!link || !isUsable(link)) return { access: null, setCookie: null };
  return {
    access: {
      role: link.kind === 'wall' ? 'kiosk' : 'viewer',
      linkId: link.id,
      scope: link.scope,
      redact: link.redact,
      wall: link.wall,
    },
    setCookie: null,
  };
}

export const resolveAccess = (request: ApiRequest) => accessFromCookies(request.header('cookie'));

/** Same-origin check for state-changing requests (CSRF): the Origin must be this host. */
export function isSameOrigin(request: ApiRequest): boolean {
  const origin = request.header('origin');
  const host = request.header('host');
  if (origin) {
    if (!URL.canParse(origin) || !host) return false;
    return new URL(origin).host === host;
  }
  return request.header('sec-fetch-site') === 'same-origin';
}

/** The caller's address: the socket, or what TRUST_PROXY's proxies forwarded (lib/auth/client-address.ts). */
export function clientAddress(request: ApiRequest): string {
  return clientAddressOf(request.remoteAddress, request.header);
}
