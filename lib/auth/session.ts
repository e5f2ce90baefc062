import { secrets } from '@/lib/auth/secrets';
import { getEnv } from '@/lib/env';
import { sealData, unsealData } from 'iron-session';
import { LRUCache } from 'lru-cache';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import 'server-only';

// The session cookie is sealed (encrypted + signed) with iron-session. It names a role and, for
// share-link sessions, the link id — the link itself is re-checked on every request (through
// lib/auth/share-link-cache.ts), so revocation and expiry apply at once.
//
// Unsealing costs a PBKDF2 key derivation and an HMAC in Web Crypto: about 0.1 ms of CPU, which
// was half the server's time under polling. A browser sends the same cookie on every poll, so a
// verified cookie is remembered (bounded LRU keyed by a SHA-256 of the Cookie header; a new
// session secret empties it) for no longer than the cookie itself lives. Only the seal is cached: age, idle time, the password fingerprint and (lib/auth/
// live-sessions.ts) server-side endings are checked again on every request.

export const SESSION_COOKIE = 'levelboard_session';
/** Admin sessions end 12 h after login, or after 2 h without a request. */
export const ADMIN_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const ADMIN_IDLE_MS = 2 * 60 * 60 * 1000;
/** A share-link session cookie lasts a year; the link's own expiry is what counts. */
const LINK_COOKIE_TTL_S = 365 * 24 * 60 * 60;
/** Refresh the admin cookie's idle clock at most this often, not on every poll. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/**
 * `sid` names one session so logout can end it on the server; `gen` is the admin generation it
 * was issued in ("sign out everywhere" advances it); `pwf` is a keyed fingerprint of the admin
 * password it was issued under, so a new ADMIN_PASSWORD ends every older admin session. A link
 * session issued before sessions had ids has no `sid` and stays valid (walls run for months).
 */
export type SessionData =
  | { role: 'admin'; sid: string; gen: number; pwf: string; issuedAt: number; seenAt: number }
  | PersonSessionData
  | { role: 'link'; linkId: string; issuedAt: number; sid?: string };

/**
 * A named person's session (lib/users). The cookie names only who and which session: role and
 * scope are read from the user directory on every request, so a change applies at once. `gen`
 * is the person's session generation when it was issued (disable and reset advance it).
 */
export interface PersonSessionData {
  role: 'person';
  uid: string;
  sid: string;
  gen: number;
  issuedAt: number;
  seenAt: number;
}

/** The sessions that age like the admin's: 12 h at most, 2 h idle. */
const isStaffSession = (data: SessionData): data is Exclude<SessionData, { role: 'link' }> =>
  data.role === 'admin' || data.role === 'person';

export const newSessionId = () => randomBytes(16).toString('base64url');

const fingerprints = new Map<string, string>();

/**
 * HMAC of the admin password under the session secret, shortened: it changes with the password,
 * yet tells nothing about it to whoever holds the cookie (and the cookie is sealed besides).
 */
export function passwordFingerprint(): string {
  const { sessionSecret, adminPassword } = secrets();
  const key = `${sessionSecret}\u0000${adminPassword}`;
  let value = fingerprints.get(key);
  if (!value) {
    value = createHmac('sha256', sessionSecret)
      .update(`levelboard admin password\u0000${adminPassword}`)
      .digest('base64url')
      .slice(0, 22);
    fingerprints.clear();
    fingerprints.set(key, value);
  }
  return value;
}

function isCurrentPassword(pwf: unknown): boolean {
  if (typeof pwf !== 'string') return false;
  const expected = Buffer.from(passwordFingerprint());
  const given = Buffer.from(pwf);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Cookies by name. A value that is not valid percent-encoding (`x=%E0%A4%A`) is skipped: any site
 * on a parent domain can set such a cookie, and it must not break the session cookie beside it.
 */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const value = safeDecode(part.slice(at + 1).trim());
    if (value !== null) cookies.set(part.slice(0, at).trim(), value);
  }
  return cookies;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** Verified cookies: enough for every open tab and wall of a large MSP, a few MB at most. */
const VERIFIED_MAX = 10_000;
/** A cached seal is verified again at least this often, whatever its cookie's own lifetime. */
const VERIFIED_MAX_MS = 15 * 60 * 1000;
const verified = new LRUCache<string, SessionData>({ max: VERIFIED_MAX });
let verifiedUnder = '';

/** When a cookie sealed for this session stops being accepted, whatever else happens. */
function sealEnd(data: SessionData): number {
  return data.issuedAt + (isStaffSession(data) ? ADMIN_LIFETIME_MS : LINK_COOKIE_TTL_S * 1000);
}

/**
 * The cache key of a Cookie header. The whole header is hashed, not the parsed session cookie: a
 * browser sends the same header on every poll, and the same header always parses to the same
 * session cookie, so a hit skips parsing too. A new session secret empties the cache.
 */
function verifiedKey(cookieHeader: string): string {
  const { sessionSecret } = secrets();
  if (sessionSecret !== verifiedUnder) {
    verified.clear();
    verifiedUnder = sessionSecret;
  }
  return createHash('sha256').update(cookieHeader).digest('base64url');
}

/** What must hold on every request, cached seal or not: shape, age, idle time, password. */
function stillValid(data: SessionData, now: number): SessionData | null {
  if (data.role === 'admin') {
    if (now - data.issuedAt > ADMIN_LIFETIME_MS || now - data.seenAt > ADMIN_IDLE_MS) return null;
    if (typeof data.sid !== 'string' || typeof data.gen !== 'number') return null;
    return isCurrentPassword(data.pwf) ? data : null;
  }
  if (data.role === 'person') {
    if (now - data.issuedAt > ADMIN_LIFETIME_MS || now - data.seenAt > ADMIN_IDLE_MS) return null;
    const shaped =
      typeof data.uid === 'string' && typeof data.sid === 'string' && typeof data.gen === 'number';
    return shaped ? data : null;
  }
  if (data.role === 'link' && typeof data.linkId === 'string')
    return data.sid === undefined || typeof data.sid === 'string' ? data : null;
  return null;
}

/**
 * The session from a verified copy, without unsealing: null when there is none to find (no
 * header), undefined when the header has not been verified yet (readSession does that).
 */
export function readSessionNow(
  cookieHeader: string | undefined,
  now = Date.now(),
): SessionData | null | undefined {
  if (!cookieHeader) return null;
  const hit = verified.get(verifiedKey(cookieHeader));
  return hit === undefined ? undefined : stillValid(hit, now);
}

export async function readSession(
  cookieHeader: string | undefined,
  now = Date.now(),
): Promise<SessionData | null> {
  const known = readSessionNow(cookieHeader, now);
  if (known !== undefined) return known;
  const sealed = parseCookies(cookieHeader).get(SESSION_COOKIE);
  if (!sealed || !cookieHeader) return null;
  try {
    const data = Object.freeze(
      await unsealData<SessionData>(sealed, { password: secrets().sessionSecret, ttl: LINK_COOKIE_TTL_S }),
    );
    if (typeof data !== 'object' || data === null || typeof data.issuedAt !== 'number') return null;
    const left = Math.min(sealEnd(data) - now, VERIFIED_MAX_MS);
    // Only seals that opened are remembered: a stream of forged cookies cannot fill the cache.
    if (left > 0) verified.set(verifiedKey(cookieHeader), data, { ttl: left });
    return stillValid(data, now);
  } catch {
    return null;
  }
}

function secureCookies(): boolean {
  const configured = getEnv().COOKIE_SECURE;
  return configured ?? process.env.NODE_ENV === 'production';
}

function serialize(value: string, maxAgeSeconds: number): string {
  const parts = [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (secureCookies()) parts.push('Secure');
  return parts.join('; ');
}

/** Until when an ending of this session must be remembered: no copy of its cookie lasts longer. */
export function sessionEndHorizon(data: SessionData, now = Date.now()): number {
  return now + (isStaffSession(data) ? ADMIN_LIFETIME_MS : LINK_COOKIE_TTL_S * 1000);
}

export async function sessionCookie(data: SessionData): Promise<string> {
  const ttl = isStaffSession(data) ? ADMIN_LIFETIME_MS / 1000 : LINK_COOKIE_TTL_S;
  const sealed = await sealData(data, { password: secrets().sessionSecret, ttl });
  return serialize(sealed, ttl);
}

export function clearedSessionCookie(): string {
  return serialize('', 0);
}

/**
 * A wall runs for months on one link session: its cookie is re-issued once it is a month old, so
 * it never reaches the cookie's one-year end while the link itself stays valid.
 */
const LINK_RENEW_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

export async function renewedLinkCookie(data: SessionData | null, now = Date.now()): Promise<string | null> {
  if (data?.role !== 'link' || now - data.issuedAt < LINK_RENEW_AFTER_MS) return null;
  return sessionCookie({ ...data, issuedAt: now });
}

/** Whether touchedCookie would issue a new cookie now. */
export const touchDue = (data: SessionData, now = Date.now()) =>
  isStaffSession(data) && now - data.seenAt >= TOUCH_EVERY_MS;

/** A new cookie when an admin's or a person's idle clock should move on, else null. */
export async function touchedCookie(data: SessionData, now = Date.now()): Promise<string | null> {
  if (!isStaffSession(data) || !touchDue(data, now)) return null;
  return sessionCookie({ ...data, seenAt: now });
}
