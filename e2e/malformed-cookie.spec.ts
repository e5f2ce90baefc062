import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ADMIN_STATE, liveUrl } from './support/env';
import { PUBLIC_ROUTES, apiRoutes } from './support/route-tree';

// Any site on a parent domain can set a cookie that is not valid percent-encoding. It must be
// ignored: never a 500, and never the loss of the session cookie sent beside it.
const MALFORMED = ['x=%E0%A4%A', 'y=%', 'z=%zz'];

function adminCookie(): string {
  const state = JSON.parse(readFileSync(ADMIN_STATE, 'utf8')) as {
    cookies: { name: string; value: string }[];
  };
  const session = state.cookies.find((cookie) => cookie.name === 'levelboard_session');
  if (!session) throw new Error('the setup project did not save an admin session');
  return `${session.name}=${session.value}`;
}

async function call(method: string, routePath: string, cookie: string): Promise<number> {
  const response = await fetch(`${liveUrl}${routePath}`, {
    method,
    headers: { Cookie: cookie, Origin: liveUrl, 'Content-Type': 'application/json' },
    body: method === 'GET' ? undefined : '{}',
  });
  // The status is all this asks; the body is dropped unread (GET /api/events never ends).
  await response.body?.cancel();
  return response.status;
}

test('a malformed cookie is ignored by every API route (enumerated from the route tree)', async () => {
  const routes = apiRoutes();
  expect(routes.length).toBeGreaterThan(20);
  const session = adminCookie();
  for (const { path: routePath, method } of routes) {
    const name = `${method} ${routePath}`;
    for (const bad of MALFORMED) {
      const alone = await call(method, routePath, bad);
      if (PUBLIC_ROUTES.has(name)) expect(alone, `${name} with ${bad}`).toBeLessThan(500);
      else expect(alone, `${name} with ${bad}`).toBe(401);
    }
    // Beside a real admin session, reads still see the admin (writes are not sent: they act).
    if (method !== 'GET') continue;
    const status = await call(method, routePath, `${MALFORMED[0]}; ${session}; ${MALFORMED[1]}`);
    expect(status, `${name} as admin beside malformed cookies`).not.toBe(401);
    expect(status, `${name} as admin beside malformed cookies`).toBeLessThan(500);
  }
});
