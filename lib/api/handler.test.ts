import { MAX_BODY } from '@/lib/api/body';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/handler';
import { respondVersioned } from '@/lib/api/respond';
import { json, type ApiRequest, type ApiResult } from '@/lib/api/types';
import type { Access } from '@/lib/auth/scope';
import { BREAK_GLASS_ACCESS } from '@/lib/auth/scope';
import { revokeShareLink } from '@/lib/auth/share-links';
import { markReady } from '@/lib/readiness';
import { apiRequest, type TestRequest } from '@/testing/api-request';
import { insertPerson } from '@/testing/people';
import { useTestAuth, type TestAuth } from '@/testing/sessions';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The route wrapper every API route goes through, driven with neutral requests and real sessions.

// The process counts as started: route() holds requests until the boot marks it ready
// (lib/readiness.ts); these tests have no boot, so they mark it themselves.
markReady();

let auth: TestAuth;
const cookies = {
  admin: '',
  idleAdmin: '',
  viewer: '',
  wall: '',
  revoked: '',
  personAdmin: '',
  technician: '',
  personViewer: '',
};
beforeAll(async () => {
  // A stopped clock: what memory holds (verified cookies, session endings, links) is trusted
  // for a second, and a busy machine must not cross that second between two calls of one test.
  // Stopped before anything reads it, as the session-ending memory keeps Date.now itself.
  vi.useFakeTimers({ toFake: ['Date', 'performance'] });
  auth = await useTestAuth();
  const revoked = await auth.createLink({});
  await revokeShareLink(auth.store, revoked.id);
  Object.assign(cookies, {
    admin: await auth.adminCookie(),
    idleAdmin: await auth.adminCookie(6 * 60 * 1000),
    viewer: await auth.linkCookie((await auth.createLink({ scope: { kind: 'group', groupId: 'g' } })).id),
    wall: await auth.linkCookie((await auth.createLink({ kind: 'wall' })).id),
    revoked: await auth.linkCookie(revoked.id),
    personAdmin: await auth.personCookie((await insertPerson(auth.store, { role: 'admin' })).id),
    technician: await auth.personCookie((await insertPerson(auth.store, { role: 'technician' })).id),
    personViewer: await auth.personCookie((await insertPerson(auth.store, { role: 'viewer' })).id),
  });
});
afterAll(async () => {
  vi.useRealTimers();
  await auth.close();
});

const SAME_SITE = { origin: 'http://levelboard.test', host: 'levelboard.test' };
const CROSS_SITE = { origin: 'https://evil.example', host: 'levelboard.test' };
const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** A route that records who it was called for and answers 200 with the role. */
function recorder(access: 'public' | 'read' | 'act' | 'admin') {
  const calls: (Access | null)[] = [];
  const handler = (_request: ApiRequest, _params: unknown, who: Access | null) => {
    calls.push(who);
    return json({ role: who?.role ?? null });
  };
  const r =
    access === 'public'
      ? route('test.public', handler, { access })
      : route(`test.${access}`, handler, { access });
  return { calls, route: r };
}

const send = async (r: ReturnType<typeof route>, request: TestRequest) => r.handle(apiRequest(request));
/** A deep copy that keeps a Buffer body a Buffer (structuredClone would not). */
const copyOf = (result: ApiResult): ApiResult => ({
  status: result.status,
  headers: { ...result.headers },
  body: Buffer.isBuffer(result.body) ? Buffer.from(result.body) : result.body,
});
const errorCode = (result: ApiResult) =>
  (JSON.parse(String(result.body)) as { error: { code: string } }).error.code;

describe('route access', () => {
  it('lets anyone reach a public route, telling the handler who it is', async () => {
    const { calls, route: r } = recorder('public');
    expect(r.access).toBe('public');
    for (const cookie of [undefined, cookies.admin, cookies.viewer])
      expect((await send(r, { headers: { cookie } })).status).toBe(200);
    expect(calls.map((who) => who?.role ?? null)).toEqual([null, 'admin', 'viewer']);
  });

  it('answers 401 on a read route to anyone without a live session, without calling it', async () => {
    const { calls, route: r } = recorder('read');
    for (const cookie of [undefined, 'levelboard_session=Fe26.2**forged', cookies.revoked]) {
      const result = await send(r, { headers: { cookie } });
      expect(result.status).toBe(401);
      expect(errorCode(result)).toBe('unauthorized');
    }
    expect(calls).toEqual([]);
  });

  it('lets the admin and every link session read, each as itself', async () => {
    const { calls, route: r } = recorder('read');
    for (const cookie of [cookies.admin, cookies.viewer, cookies.wall])
      expect((await send(r, { headers: { cookie } })).status).toBe(200);
    expect(calls.map((who) => who?.role)).toEqual(['admin', 'viewer', 'kiosk']);
    expect(calls[1]).toMatchObject({ scope: { kind: 'group', groupId: 'g' } });
  });

  it('answers 403 to a link on an admin route and 401 to nobody, calling only for the admin', async () => {
    const { calls, route: r } = recorder('admin');
    const statuses = [];
    for (const cookie of [undefined, cookies.viewer, cookies.wall, cookies.admin])
      statuses.push((await send(r, { headers: { cookie } })).status);
    expect(statuses).toEqual([401, 403, 403, 200]);
    expect(calls).toEqual([BREAK_GLASS_ACCESS]);
  });

  it('lets admins and technicians through an act route, refusing viewers and links', async () => {
    const { calls, route: r } = recorder('act');
    const statuses = [];
    for (const cookie of [
      undefined,
      cookies.viewer,
      cookies.wall,
      cookies.personViewer,
      cookies.technician,
      cookies.personAdmin,
      cookies.admin,
    ])
      statuses.push((await send(r, { headers: { cookie } })).status);
    expect(statuses).toEqual([401, 403, 403, 403, 200, 200, 200]);
    expect(calls.map((who) => who?.role)).toEqual(['technician', 'admin', 'admin']);
  });

  it('lets only admins, people or break-glass, through an admin route', async () => {
    const { calls, route: r } = recorder('admin');
    const statuses = [];
    for (const cookie of [cookies.personViewer, cookies.technician, cookies.personAdmin])
      statuses.push((await send(r, { headers: { cookie } })).status);
    expect(statuses).toEqual([403, 403, 200]);
    expect(calls).toHaveLength(1);
  });

  it('defaults to read access', () => {
    expect(route('test.default', () => json({})).access).toBe('read');
  });
});

describe('cross-site requests', () => {
  it.each(MUTATING)(
    'refuses a cross-site %s with 403 on every kind of route, even the admin’s',
    async (method) => {
      for (const access of ['public', 'read', 'admin'] as const) {
        const { calls, route: r } = recorder(access);
        const result = await send(r, { method, headers: { ...CROSS_SITE, cookie: cookies.admin } });
        expect([access, result.status, errorCode(result)]).toEqual([access, 403, 'forbidden']);
        expect(calls).toEqual([]);
        // Without an Origin, only the browser's same-origin mark lets it through.
        const bare = await send(r, { method, headers: { host: 'levelboard.test', cookie: cookies.admin } });
        expect(bare.status).toBe(403);
      }
    },
  );

  it.each(MUTATING)('lets a same-origin %s through', async (method) => {
    const { calls, route: r } = recorder('admin');
    expect((await send(r, { method, headers: { ...SAME_SITE, cookie: cookies.admin } })).status).toBe(200);
    const marked = { host: 'levelboard.test', 'sec-fetch-site': 'same-origin', cookie: cookies.admin };
    expect((await send(r, { method, headers: marked })).status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it('lets a cross-site GET read (a link opened from elsewhere)', async () => {
    const { route: r } = recorder('read');
    expect(
      (await send(r, { method: 'GET', headers: { ...CROSS_SITE, cookie: cookies.viewer } })).status,
    ).toBe(200);
  });

  it('reads and drops a small unread body before refusing, but never a large one', async () => {
    const { route: r } = recorder('admin');
    const refuse = async (headers: Record<string, string>, method = 'POST') => {
      const request = apiRequest({ method, headers: { ...CROSS_SITE, ...headers }, body: '{"x":1}' });
      const result = await r.handle(request);
      return [result.status, request.bodyReads];
    };
    expect(await refuse({ 'content-length': '7' })).toEqual([403, 1]);
    expect(await refuse({ 'content-length': String(MAX_BODY) })).toEqual([403, 1]);
    expect(await refuse({ 'content-length': String(MAX_BODY + 1) })).toEqual([403, 0]);
    expect(await refuse({})).toEqual([403, 0]);
    // Only state-changing methods carry a body worth draining.
    expect(await refuse({ 'content-length': '7' }, 'GET')).toEqual([401, 0]);
  });
});

describe('a renewed admin cookie', () => {
  it('is added to a copy: the result shared between requests stays as it was', async () => {
    const shared = (request: ApiRequest) =>
      respondVersioned(request, ['v1'], () => '{"n":1}', 'handler-test');
    const r = route('test.shared', shared);
    const plain = await send(r, { path: '/api/shared', headers: { cookie: cookies.admin } });
    const original = copyOf(plain);
    const renewed = await send(r, { path: '/api/shared', headers: { cookie: cookies.idleAdmin } });
    expect(renewed.headers['Set-Cookie']).toMatch(/^levelboard_session=/);
    expect(renewed).not.toBe(plain);
    // The shared answer, as the next poller will get it, carries no one's cookie.
    const again = shared(apiRequest({ path: '/api/shared' }));
    expect(again).toBe(plain);
    expect(again).toEqual(original);
    expect(again.headers['Set-Cookie']).toBeUndefined();
    // The copy differs only by the cookie.
    const { 'Set-Cookie': _cookie, ...rest } = renewed.headers;
    expect({ ...renewed, headers: rest }).toEqual(original);
  });

  it('is added to an answer a handler gives later, also without touching it', async () => {
    const answer = json({ later: true });
    const original = copyOf(answer);
    const r = route('test.async', async () => answer);
    const result = await send(r, { headers: { cookie: cookies.idleAdmin } });
    expect(result.headers['Set-Cookie']).toMatch(/^levelboard_session=/);
    expect(answer).toEqual(original);
  });

  it('never replaces a cookie the handler set itself (sign-out, sign-in)', async () => {
    const r = route('test.own-cookie', () =>
      json({}, 200, { 'Set-Cookie': 'levelboard_session=; Max-Age=0' }),
    );
    const result = await send(r, { headers: { cookie: cookies.idleAdmin } });
    expect(result.headers['Set-Cookie']).toBe('levelboard_session=; Max-Age=0');
  });

  it('is not sent when the idle clock is recent, nor to a link session', async () => {
    const r = route('test.no-cookie', () => json({}));
    for (const cookie of [cookies.admin, cookies.viewer])
      expect((await send(r, { headers: { cookie } })).headers['Set-Cookie']).toBeUndefined();
  });
});

describe('errors', () => {
  const DETAIL = 'connect ECONNREFUSED db.internal:5432 password=hunter2';

  it.each([
    [
      'thrown',
      () => {
        throw new Error(DETAIL);
      },
    ],
    ['rejected', () => Promise.reject(new Error(DETAIL))],
    [
      'a thrown non-error',
      () => {
        throw DETAIL;
      },
    ],
  ] as const)('turns an error %s by the handler into a bare 500', async (_how, handler) => {
    const result = await route('test.error', handler, { access: 'public' }).handle(apiRequest());
    expect(result.status).toBe(500);
    expect(JSON.parse(String(result.body))).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on the Levelboard server.' },
    });
    expect(JSON.stringify(result)).not.toMatch(/hunter2|ECONNREFUSED|db\.internal/);
  });

  it('answers an ApiError with its own status, code and message', async () => {
    const r = route(
      'test.api-error',
      () => {
        throw new ApiError(404, 'not_found', 'No such device.');
      },
      {
        access: 'public',
      },
    );
    const result = await r.handle(apiRequest());
    expect([result.status, JSON.parse(String(result.body))]).toEqual([
      404,
      { error: { code: 'not_found', message: 'No such device.' } },
    ]);
  });
});

describe('the synchronous path', () => {
  const isPromise = (value: unknown) =>
    value instanceof Promise || typeof (value as { then?: unknown })?.then === 'function';

  it('answers a public request without a cookie with no promise at all', () => {
    const result = route('test.sync-public', () => json({ ok: true }), { access: 'public' }).handle(
      apiRequest(),
    );
    expect(isPromise(result)).toBe(false);
    expect((result as ApiResult).status).toBe(200);
  });

  it('answers a poll synchronously once its session and link are in memory, refusals included', async () => {
    // Fresh cookies: nothing about them is in memory yet.
    const link = await auth.createLink({});
    const fresh = { admin: await auth.adminCookie(), viewer: await auth.linkCookie(link.id) };
    const r = route('test.sync-read', () => json({ ok: true }));
    const admin = route('test.sync-admin', () => json({ ok: true }), { access: 'admin' });
    for (const cookie of Object.values(fresh)) {
      const first = r.handle(apiRequest({ headers: { cookie } }));
      expect(isPromise(first)).toBe(true);
      expect((await first).status).toBe(200);
      const second = r.handle(apiRequest({ headers: { cookie } }));
      expect(isPromise(second)).toBe(false);
      expect((second as ApiResult).status).toBe(200);
    }
    const refused = admin.handle(apiRequest({ headers: { cookie: fresh.viewer } }));
    expect(isPromise(refused)).toBe(false);
    expect((refused as ApiResult).status).toBe(403);
  });

  it('still waits for a handler that waits, and for an admin cookie due renewal', async () => {
    await send(
      route('test.warm', () => json({})),
      { headers: { cookie: cookies.idleAdmin } },
    );
    const waiting = route('test.async-handler', async () => json({}));
    expect(isPromise(waiting.handle(apiRequest({ headers: { cookie: cookies.admin } })))).toBe(true);
    const renewing = route('test.renewing', () => json({}));
    expect(isPromise(renewing.handle(apiRequest({ headers: { cookie: cookies.idleAdmin } })))).toBe(true);
  });
});

describe('next()', () => {
  it('serves the same answer to a Next route file, byte bodies included', async () => {
    const r = route(
      'test.next',
      () => ({ status: 201, headers: { 'X-Test': 'yes' }, body: Buffer.from('bytes') }),
      {
        access: 'public',
      },
    );
    const response = await r.next(new NextRequest('http://levelboard.test/api/next'), {});
    expect(response.status).toBe(201);
    expect(response.headers.get('x-test')).toBe('yes');
    expect(await response.text()).toBe('bytes');
  });

  it('passes the route parameters and refuses like handle()', async () => {
    const seen: unknown[] = [];
    const r = route('test.next-params', (_request, params) => {
      seen.push(params);
      return json({});
    });
    const request = new NextRequest('http://levelboard.test/api/devices/d1', {
      headers: { cookie: cookies.admin },
    });
    expect((await r.next(request, { params: Promise.resolve({ id: 'd1' }) })).status).toBe(200);
    expect(seen).toEqual([{ id: 'd1' }]);
    expect((await r.next(new NextRequest('http://levelboard.test/api/devices/d1'), {})).status).toBe(401);
  });
});
