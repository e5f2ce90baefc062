import {
  accessFromCookies,
  accessFromCookiesNow,
  isSameOrigin,
  resolveAccess,
  stillOpens,
  stillOpensNow,
  type ResolvedAccess,
} from '@/lib/auth/access';
import { endSessionOf } from '@/lib/auth/live-sessions';
import { forgetShareLink } from '@/lib/auth/live-share-links';
import { BREAK_GLASS_ACCESS } from '@/lib/auth/scope';
import { readSession, SESSION_COOKIE } from '@/lib/auth/session';
import { revokeShareLink } from '@/lib/auth/share-links';
import { apiRequest } from '@/testing/api-request';
import { cookieHeaderOf, useTestAuth, type TestAuth } from '@/testing/sessions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Who is asking, from a Cookie header: real sealed cookies, real links in a temporary database.

let auth: TestAuth;
beforeAll(async () => {
  // A stopped clock: what memory holds (verified cookies, session endings, links) is trusted
  // for a second, and a busy machine must not cross that second between two calls of one test.
  // Stopped before anything reads it, as the session-ending memory keeps Date.now itself.
  vi.useFakeTimers({ toFake: ['Date', 'performance'] });
  auth = await useTestAuth();
});
afterAll(async () => {
  vi.useRealTimers();
  await auth.close();
});

const NOBODY: ResolvedAccess = { access: null, setCookie: null };
const SIX_MINUTES = 6 * 60 * 1000;

describe('accessFromCookies', () => {
  it('answers nobody without a session cookie, or with one that does not open', async () => {
    const admin = await auth.adminCookie();
    const tampered = admin.replace(/.$/, (last) => (last === 'a' ? 'b' : 'a'));
    for (const header of [
      undefined,
      '',
      'theme=dark',
      `${SESSION_COOKIE}=`,
      `${SESSION_COOKIE}=Fe26.2**x`,
      tampered,
    ])
      expect(await accessFromCookies(header), String(header)).toEqual(NOBODY);
  });

  it('answers the admin, with no new cookie while the idle clock is recent', async () => {
    expect(await accessFromCookies(await auth.adminCookie())).toEqual({
      access: BREAK_GLASS_ACCESS,
      setCookie: null,
    });
  });

  it('hands the admin a cookie with a moved idle clock after a few quiet minutes', async () => {
    const before = Date.now();
    const resolved = await accessFromCookies(await auth.adminCookie(SIX_MINUTES));
    expect(resolved.access).toEqual(BREAK_GLASS_ACCESS);
    expect(resolved.setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    const renewed = await readSession(cookieHeaderOf(resolved.setCookie as string));
    expect(renewed?.role === 'admin' && renewed.seenAt).toBeGreaterThanOrEqual(before);
  });

  it('gives a link session exactly its link’s scope and redaction, as a viewer or a wall', async () => {
    const viewer = await auth.createLink({ scope: { kind: 'group', groupId: 'acme' }, redact: true });
    expect(await accessFromCookies(await auth.linkCookie(viewer.id))).toEqual({
      access: {
        via: 'link',
        role: 'viewer',
        linkId: viewer.id,
        scope: { kind: 'group', groupId: 'acme' },
        redact: true,
        wall: null,
      },
      setCookie: null,
    });
    const wall = await auth.createLink({
      kind: 'wall',
      scope: { kind: 'devices', deviceIds: ['d1', 'd2'] },
      wall: { theme: 'light' },
    });
    const resolved = await accessFromCookies(await auth.linkCookie(wall.id));
    expect(resolved.access).toMatchObject({
      role: 'kiosk',
      linkId: wall.id,
      scope: { kind: 'devices', deviceIds: ['d1', 'd2'] },
      redact: false,
      wall: { theme: 'light' },
    });
  });

  it('answers nobody for a link that is revoked, expired or gone', async () => {
    const revoked = await auth.createLink({});
    await revokeShareLink(auth.store, revoked.id);
    const expired = await auth.createLink({ expiresAt: Date.now() - 1 });
    for (const linkId of [revoked.id, expired.id, 'no-such-link'])
      expect(await accessFromCookies(await auth.linkCookie(linkId)), linkId).toEqual(NOBODY);
  });

  it('stops a link session on its next request once the link is revoked', async () => {
    const link = await auth.createLink({});
    const cookie = await auth.linkCookie(link.id);
    expect((await accessFromCookies(cookie)).access).not.toBeNull();
    await revokeShareLink(auth.store, link.id);
    await forgetShareLink(link.id);
    expect(await accessFromCookies(cookie)).toEqual(NOBODY);
  });

  it('answers nobody for a session ended by logout, admin or link', async () => {
    const admin = await auth.adminCookie();
    const link = await auth.linkCookie((await auth.createLink({})).id);
    for (const cookie of [admin, link]) {
      expect((await accessFromCookies(cookie)).access).not.toBeNull();
      await endSessionOf(cookie);
      expect(await accessFromCookies(cookie)).toEqual(NOBODY);
    }
  });
});

describe('accessFromCookiesNow', () => {
  it('answers nobody at once when there is no cookie at all', () => {
    expect(accessFromCookiesNow(undefined)).toEqual(NOBODY);
  });

  it('waits (undefined), never refuses, for a cookie it has not verified yet', async () => {
    const link = await auth.createLink({});
    for (const cookie of [await auth.adminCookie(), await auth.linkCookie(link.id)])
      expect(accessFromCookiesNow(cookie)).toBeUndefined();
  });

  it('gives the same answer as accessFromCookies, or waits — never another answer', async () => {
    const viewer = await auth.createLink({ scope: { kind: 'group', groupId: 'g' }, redact: true });
    const wall = await auth.createLink({ kind: 'wall' });
    const revoked = await auth.createLink({});
    await revokeShareLink(auth.store, revoked.id);
    const cookies = {
      admin: await auth.adminCookie(),
      idleAdmin: await auth.adminCookie(SIX_MINUTES),
      viewer: await auth.linkCookie(viewer.id),
      wall: await auth.linkCookie(wall.id),
      revoked: await auth.linkCookie(revoked.id),
      missingLink: await auth.linkCookie('no-such-link'),
      forged: `${SESSION_COOKIE}=Fe26.2**forged`,
    };
    const answeredFromMemory: string[] = [];
    for (const [name, cookie] of Object.entries(cookies)) {
      const slow = await accessFromCookies(cookie);
      const now = accessFromCookiesNow(cookie);
      if (now === undefined) continue;
      answeredFromMemory.push(name);
      // The admin's renewed cookie is the slow path's job; access itself must agree.
      expect(now.access, name).toEqual(slow.access);
      expect(now.setCookie, name).toBeNull();
    }
    // Everything in memory after one read, except what must wait: a forged seal is never
    // remembered, and an admin due a fresh idle clock needs the slow path to issue it.
    expect(answeredFromMemory).toEqual(['admin', 'viewer', 'wall', 'revoked', 'missingLink']);
  });
});

describe('resolveAccess', () => {
  it('reads the Cookie header of the request', async () => {
    const cookie = await auth.adminCookie();
    expect((await resolveAccess(apiRequest({ headers: { cookie } }))).access).toEqual(BREAK_GLASS_ACCESS);
    expect(await resolveAccess(apiRequest({ headers: { 'x-cookie': cookie } }))).toEqual(NOBODY);
  });
});

describe('isSameOrigin', () => {
  const check = (headers: Record<string, string | undefined>) =>
    isSameOrigin(apiRequest({ method: 'POST', headers }));

  it('accepts an Origin naming this host, port included', () => {
    expect(check({ origin: 'https://board.example', host: 'board.example' })).toBe(true);
    expect(check({ origin: 'http://10.0.0.5:3000', host: '10.0.0.5:3000' })).toBe(true);
  });

  it('refuses an Origin naming another host or port, or one it cannot read', () => {
    const refused = [
      { origin: 'https://evil.example', host: 'board.example' },
      { origin: 'https://board.example.evil.example', host: 'board.example' },
      { origin: 'https://board.example:8443', host: 'board.example' },
      { origin: 'http://10.0.0.5:3001', host: '10.0.0.5:3000' },
      { origin: 'null', host: 'board.example' },
      { origin: 'board.example', host: 'board.example' },
      // An Origin with no Host to compare it with.
      { origin: 'https://board.example' },
      // An Origin decides; a same-origin fetch-metadata header cannot overrule it.
      { origin: 'https://evil.example', host: 'board.example', 'sec-fetch-site': 'same-origin' },
    ];
    for (const headers of refused) expect(check(headers), JSON.stringify(headers)).toBe(false);
  });

  it('without an Origin, trusts only the browser’s own same-origin mark', () => {
    expect(check({ host: 'board.example', 'sec-fetch-site': 'same-origin' })).toBe(true);
    for (const site of ['same-site', 'cross-site', 'none'])
      expect(check({ host: 'board.example', 'sec-fetch-site': site }), site).toBe(false);
    expect(check({ host: 'board.example' })).toBe(false);
  });
});

describe('stillOpens (the live stream’s re-check)', () => {
  it('agrees with accessFromCookies on who is let in, and the admin needs no refreshed cookie for it', async () => {
    const admin = await auth.adminCookie();
    const quietAdmin = await auth.adminCookie(SIX_MINUTES);
    const link = await auth.linkCookie((await auth.createLink({})).id);
    const expired = await auth.linkCookie((await auth.createLink({ expiresAt: Date.now() - 1 })).id);
    for (const [cookie, opens] of [
      [admin, true],
      [quietAdmin, true],
      [link, true],
      [expired, false],
      ['theme=dark', false],
      [undefined, false],
    ] as const) {
      expect(await stillOpens(cookie), String(cookie)).toBe(opens);
      expect((await accessFromCookies(cookie)).access !== null).toBe(opens);
    }
    // From memory, once read: where accessFromCookiesNow waits to seal the quiet admin a new
    // cookie, the stream's check answers at once.
    expect(accessFromCookiesNow(quietAdmin)).toBeUndefined();
    expect(stillOpensNow(quietAdmin)).toBe(true);
    expect(stillOpensNow(link)).toBe(true);
  });

  it('closes for a revoked link and for an ended session', async () => {
    const linked = await auth.createLink({});
    const link = await auth.linkCookie(linked.id);
    const admin = await auth.adminCookie();
    expect(await stillOpens(link)).toBe(true);
    await revokeShareLink(auth.store, linked.id);
    await forgetShareLink(linked.id);
    expect(stillOpensNow(link) ?? (await stillOpens(link))).toBe(false);
    expect(await stillOpens(admin)).toBe(true);
    await endSessionOf(admin);
    expect(stillOpensNow(admin) ?? (await stillOpens(admin))).toBe(false);
  });
});
