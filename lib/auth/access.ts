import { clientAddressOf } from '@/lib/auth/client-address';
import { isSessionLive, isSessionLiveNow } from '@/lib/auth/live-sessions';
import { currentShareLink, currentShareLinkNow } from '@/lib/auth/live-share-links';
import { sessionSeen } from '@/lib/auth/person-sessions';
import { BREAK_GLASS_ACCESS, type Access, type LinkAccess, type PersonAccess } from '@/lib/auth/scope';
import {
  readSession,
  readSessionNow,
  touchDue,
  touchedCookie,
  type PersonSessionData,
  type SessionData,
} from '@/lib/auth/session';
import { isUsable, type ShareLink } from '@/lib/auth/share-links';
import { logger } from '@/lib/logger';
import { userDirectory, userDirectoryNow, type Person } from '@/lib/users/directory';
import 'server-only';

/**
 * What access control reads of a request: its headers and, when the server knows it, the peer's
 * address. lib/api's request (and anything else with these two) passes as it is.
 */
export interface AccessRequest {
  /** Lower-case header name → value, or undefined. */
  header(name: string): string | undefined;
  remoteAddress?: string;
}

export interface ResolvedAccess {
  access: Access | null;
  /** A refreshed session cookie to send back (the idle clock of a person or the admin), if any. */
  setCookie: string | null;
}

/**
 * The role each kind of link signs in as. A report link has none: it opens its one report
 * (lib/reports/report-link.ts) and nothing else, so every page and route treats its session as
 * they treat a revoked link's. A kind not listed here (a new one) opens nothing either.
 */
const LINK_ROLES: Partial<Record<ShareLink['kind'], LinkAccess['role']>> = {
  viewer: 'viewer',
  wall: 'kiosk',
};

function linkAccess(link: ShareLink | null): ResolvedAccess {
  if (!link || !isUsable(link)) return NOBODY;
  const role = Object.hasOwn(LINK_ROLES, link.kind) ? LINK_ROLES[link.kind] : undefined;
  if (!role) return NOBODY;
  return {
    access: {
      via: 'link',
      role,
      linkId: link.id,
      scope: link.scope,
      redact: link.redact,
      wall: link.wall,
    },
    setCookie: null,
  };
}

const NOBODY: ResolvedAccess = { access: null, setCookie: null };
const BREAK_GLASS: ResolvedAccess = { access: BREAK_GLASS_ACCESS, setCookie: null };

/** One frozen access per directory entry: a reload makes new entries, and so new answers. */
const personAccesses = new WeakMap<Person, PersonAccess>();

/** A person's access while they are enabled and this session's generation is current. */
function personAccess(session: PersonSessionData, person: Person | null): PersonAccess | null {
  if (!person || person.disabled || session.gen < person.sessionGeneration) return null;
  let access = personAccesses.get(person);
  if (!access) {
    access = Object.freeze({
      via: 'person',
      role: person.role,
      person: Object.freeze({ id: person.id, name: person.name, email: person.email }),
      scope: person.scope,
      redact: false,
    });
    personAccesses.set(person, access);
  }
  return access;
}

async function touched(session: SessionData): Promise<string | null> {
  const cookie = await touchedCookie(session);
  // "Last seen" in the session list is a courtesy: a failed write must not fail the request.
  if (cookie && session.role !== 'link')
    sessionSeen(session.sid).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not record when a session was last seen'),
    );
  return cookie;
}

/** Who is asking: a person, the break-glass admin, a share-link session whose link is valid, or nobody. */
export async function accessFromCookies(cookieHeader: string | undefined): Promise<ResolvedAccess> {
  const session = await readSession(cookieHeader);
  if (!session || !(await isSessionLive(session))) return NOBODY;
  if (session.role === 'admin') return { access: BREAK_GLASS_ACCESS, setCookie: await touched(session) };
  if (session.role === 'person') {
    const access = personAccess(session, await (await userDirectory()).find(session.uid));
    return access ? { access, setCookie: await touched(session) } : NOBODY;
  }
  return linkAccess(await currentShareLink(session.linkId));
}

/**
 * The same answer from memory alone — a verified cookie, fresh session endings, a remembered
 * person or link — or undefined when any of them needs a wait. A browser's polls take this path:
 * no promise, no await, so the fast path answers them synchronously.
 */
export function accessFromCookiesNow(cookieHeader: string | undefined): ResolvedAccess | undefined {
  const session = readSessionNow(cookieHeader);
  if (session === undefined) return undefined;
  if (session === null) return NOBODY;
  const live = isSessionLiveNow(session);
  if (live === undefined) return undefined;
  if (!live) return NOBODY;
  if (session.role === 'admin') return touchDue(session) ? undefined : BREAK_GLASS;
  if (session.role === 'person') {
    if (touchDue(session)) return undefined;
    const person = userDirectoryNow()?.findNow(session.uid);
    if (person === undefined) return undefined;
    const access = personAccess(session, person);
    return access ? { access, setCookie: null } : NOBODY;
  }
  const link = currentShareLinkNow(session.linkId);
  return link === undefined ? undefined : linkAccess(link);
}

/**
 * Whether a cookie still opens anything — a long-lived answer's re-check (the live stream): the
 * same rules as accessFromCookies, minus the idle-clock refresh, which a stream cannot send and
 * which would seal a new cookie at every check. undefined when it needs a wait.
 */
export function stillOpensNow(cookieHeader: string | undefined): boolean | undefined {
  const session = readSessionNow(cookieHeader);
  if (session === undefined) return undefined;
  if (session === null) return false;
  const live = isSessionLiveNow(session);
  if (live === undefined) return undefined;
  if (!live) return false;
  if (session.role === 'admin') return true;
  if (session.role === 'person') {
    const person = userDirectoryNow()?.findNow(session.uid);
    return person === undefined ? undefined : personAccess(session, person) !== null;
  }
  const link = currentShareLinkNow(session.linkId);
  return link === undefined ? undefined : linkAccess(link).access !== null;
}

/** stillOpensNow, waiting for whatever it needs. */
export async function stillOpens(cookieHeader: string | undefined): Promise<boolean> {
  const session = await readSession(cookieHeader);
  if (!session || !(await isSessionLive(session))) return false;
  if (session.role === 'admin') return true;
  if (session.role === 'person')
    return personAccess(session, await (await userDirectory()).find(session.uid)) !== null;
  return linkAccess(await currentShareLink(session.linkId)).access !== null;
}

export const resolveAccess = (request: AccessRequest) => accessFromCookies(request.header('cookie'));

/** resolveAccess without waiting, or undefined (see accessFromCookiesNow). */
export const resolveAccessNow = (request: AccessRequest) => accessFromCookiesNow(request.header('cookie'));

/** Same-origin check for state-changing requests (CSRF): the Origin must be this host. */
export function isSameOrigin(request: AccessRequest): boolean {
  const origin = request.header('origin');
  const host = request.header('host');
  if (origin) {
    if (!URL.canParse(origin) || !host) return false;
    return new URL(origin).host === host;
  }
  return request.header('sec-fetch-site') === 'same-origin';
}

/** The caller's address: the socket, or what TRUST_PROXY's proxies forwarded (lib/auth/client-address.ts). */
export function clientAddress(request: AccessRequest): string {
  return clientAddressOf(request.remoteAddress, request.header);
}
