import {
  ADMIN_IDLE_MS,
  ADMIN_LIFETIME_MS,
  parseCookies,
  passwordFingerprint,
  readSession,
  readSessionNow,
  SESSION_COOKIE,
  sessionCookie,
  type SessionData,
} from '@/lib/auth/session';
import { processWide } from '@/lib/process-wide';
import { beforeEach, describe, expect, it } from 'vitest';

// What a restart with other secrets looks like to this process: the secrets it reads once.
const SECRET = 'a-session-secret-of-at-least-32-characters!';

function useSecrets(adminPassword: string, sessionSecret = SECRET) {
  Object.assign(
    processWide('secrets', () => ({ sessionSecret, adminPassword })),
    { sessionSecret, adminPassword },
  );
}

/** The cookie as a browser sends it back: name=value, from the Set-Cookie header. */
const asHeader = (setCookie: string) => setCookie.split(';')[0] ?? '';

function adminSession(now: number): SessionData {
  return { role: 'admin', sid: 'sid-1', gen: 0, pwf: passwordFingerprint(), issuedAt: now, seenAt: now };
}

beforeEach(() => useSecrets('first-password'));

describe('parseCookies', () => {
  it('skips values that are not valid percent-encoding and keeps the others', () => {
    const cookies = parseCookies(`x=%E0%A4%A; ${SESSION_COOKIE}=abc%2Adef; y=%; z=%zz; w=ok`);
    expect([...cookies]).toEqual([
      [SESSION_COOKIE, 'abc*def'],
      ['w', 'ok'],
    ]);
  });
});

describe('readSession', () => {
  it('reads an admin session beside malformed cookies', async () => {
    const now = Date.now();
    const cookie = asHeader(await sessionCookie(adminSession(now)));
    await expect(readSession(`x=%E0%A4%A; ${cookie}; y=%`, now)).resolves.toMatchObject({
      role: 'admin',
      sid: 'sid-1',
    });
  });

  it('refuses an admin session issued under another ADMIN_PASSWORD', async () => {
    const now = Date.now();
    const cookie = asHeader(await sessionCookie(adminSession(now)));
    await expect(readSession(cookie, now)).resolves.not.toBeNull();
    useSecrets('second-password');
    await expect(readSession(cookie, now)).resolves.toBeNull();
    useSecrets('first-password');
    await expect(readSession(cookie, now)).resolves.not.toBeNull();
  });

  it('never puts the password or its plain hash in the fingerprint', async () => {
    const { createHash } = await import('node:crypto');
    const fingerprint = passwordFingerprint();
    expect(fingerprint).not.toContain('first-password');
    for (const encoding of ['hex', 'base64', 'base64url'] as const)
      expect(createHash('sha256').update('first-password').digest(encoding)).not.toContain(fingerprint);
  });

  it('refuses an admin cookie without a session id (issued before sessions could end)', async () => {
    const now = Date.now();
    const legacy = { role: 'admin', issuedAt: now, seenAt: now } as unknown as SessionData;
    await expect(readSession(asHeader(await sessionCookie(legacy)), now)).resolves.toBeNull();
  });

  it('still ends an admin session 12 h after sign-in', async () => {
    const now = Date.now();
    const cookie = asHeader(await sessionCookie(adminSession(now)));
    await expect(readSession(cookie, now + ADMIN_LIFETIME_MS + 1)).resolves.toBeNull();
  });
});

describe('verified cookies in memory', () => {
  it('unseals a cookie once; later reads come from memory and still check age and idle time', async () => {
    const now = Date.now();
    const cookie = asHeader(await sessionCookie(adminSession(now)));
    expect(readSessionNow(cookie, now)).toBeUndefined();
    await expect(readSession(cookie, now)).resolves.toMatchObject({ role: 'admin' });
    expect(readSessionNow(cookie, now)).toMatchObject({ role: 'admin', sid: 'sid-1' });
    expect(readSessionNow(cookie, now + ADMIN_LIFETIME_MS + 1)).toBeNull();
    expect(readSessionNow(cookie, now + ADMIN_IDLE_MS + 1)).toBeNull();
  });

  it('a cached cookie is refused at once under a new ADMIN_PASSWORD', async () => {
    const now = Date.now();
    const cookie = asHeader(await sessionCookie(adminSession(now)));
    await readSession(cookie, now);
    useSecrets('second-password');
    expect(readSessionNow(cookie, now)).toBeNull();
  });

  it('a new session secret forgets every verified cookie', async () => {
    const now = Date.now();
    const cookie = asHeader(await sessionCookie(adminSession(now)));
    await readSession(cookie, now);
    useSecrets('first-password', `${SECRET}-rotated`);
    expect(readSessionNow(cookie, now)).toBeUndefined();
    await expect(readSession(cookie, now)).resolves.toBeNull();
  });

  it('remembers no cookie that failed to open, so forged cookies cannot fill memory', async () => {
    const forged = `${SESSION_COOKIE}=Fe26.2**forged*value`;
    await expect(readSession(forged)).resolves.toBeNull();
    expect(readSessionNow(forged)).toBeUndefined();
  });

  it('hands out frozen sessions: one request cannot change what the next one reads', async () => {
    const now = Date.now();
    const cookie = asHeader(await sessionCookie(adminSession(now)));
    const session = await readSession(cookie, now);
    expect(Object.isFrozen(session)).toBe(true);
  });
});
