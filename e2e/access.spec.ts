import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, LIVE, demoUrl, liveUrl } from './support/env';
import { PUBLIC_ROUTES, apiRoutes } from './support/route-tree';

// Share links and sessions against the live server: an admin context (storage state) creates
// links; fresh contexts play the technician who opens them.
const origin = { Origin: liveUrl };

async function anonymous(baseURL = liveUrl): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
}

async function createLink(admin: APIRequestContext, body: Record<string, unknown>) {
  const response = await admin.post(`${liveUrl}/api/admin/share-links`, { data: body, headers: origin });
  expect(response.status(), await response.text()).toBe(201);
  const created = (await response.json()) as { link: { id: string }; token: string; path: string };
  // The leak scan (last spec) checks that no token shows up anywhere after this response.
  appendFileSync(path.join(ARTIFACTS, 'share-tokens.txt'), `${created.token}\n`);
  return created;
}

/** Opens a share link like a browser would: the token becomes a cookie and leaves the URL. */
async function openLink(token: string): Promise<APIRequestContext> {
  const viewer = await anonymous();
  const response = await viewer.get(`/s/${token}`, { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers()['location']).toMatch(/^\/(wall)?$/);
  return viewer;
}

test.describe('access control', () => {
  test('every API route answers 401 without a session (enumerated from the route tree)', async () => {
    const nobody = await anonymous();
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(20);
    for (const { path: routePath, method } of routes) {
      if (PUBLIC_ROUTES.has(`${method} ${routePath}`)) continue;
      const response = await nobody.fetch(routePath, {
        method,
        headers: origin,
        data: method === 'GET' ? undefined : {},
      });
      expect(response.status(), `${method} ${routePath}`).toBe(401);
    }
  });

  test('a viewer scoped to one client sees that client and nothing else (404 elsewhere)', async ({
    request: admin,
  }) => {
    const clients = (await (await admin.get(`${liveUrl}/api/fleet/clients`)).json()).clients as {
      id: string;
      rollup: { devices: { total: number } };
    }[];
    const [a, b] = clients.filter((client) => client.rollup.devices.total > 0);
    if (!a || !b) throw new Error('fixture needs two clients with devices');
    const { token } = await createLink(admin, {
      name: 'Client A tech',
      kind: 'viewer',
      scope: { kind: 'group', groupId: a.id },
      expiresInHours: 24,
    });
    const viewer = await openLink(token);

    const summary = await (await viewer.get('/api/fleet/summary')).json();
    expect(summary.devices.total).toBe(a.rollup.devices.total);
    const mine = await (await viewer.get('/api/devices?limit=500')).json();
    expect(mine.total).toBe(a.rollup.devices.total);
    expect(mine.data.every((row: { clientId: string }) => row.clientId === a.id)).toBe(true);
    expect((await viewer.get(`/api/devices/${mine.data[0].id}`)).status()).toBe(200);
    expect((await viewer.get(`/api/history/devices/${mine.data[0].id}?range=1h`)).status()).toBe(200);
    expect((await viewer.get(`/api/history/groups/${a.id}?range=1h`)).status()).toBe(200);

    const theirs = await (await admin.get(`${liveUrl}/api/devices?group=${b.id}&limit=5`)).json();
    const foreignDevice = theirs.data[0].id as string;
    const foreignAlerts = await (await admin.get(`${liveUrl}/api/alerts?group=${b.id}&status=all`)).json();
    for (const forbidden of [
      `/api/devices/${foreignDevice}`,
      `/api/devices?group=${b.id}`,
      `/api/alerts?group=${b.id}`,
      `/api/alerts?device=${foreignDevice}`,
      `/api/history/devices/${foreignDevice}`,
      `/api/history/groups/${b.id}`,
      ...(foreignAlerts.data[0] ? [`/api/alerts?device=${foreignAlerts.data[0].deviceId}`] : []),
    ]) {
      const response = await viewer.get(forbidden);
      expect(response.status(), forbidden).toBe(404);
    }
    const groups = (await (await viewer.get('/api/groups')).json()).groups as {
      id: string;
      clientId: string;
    }[];
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((group) => group.clientId === a.id)).toBe(true);
    const alerts = (await (await viewer.get('/api/alerts?status=all&limit=500')).json()).data as {
      deviceId: string;
    }[];
    const allowed = new Set(mine.data.map((row: { id: string }) => row.id));
    expect(alerts.every((alert) => allowed.has(alert.deviceId))).toBe(true);
    const changes = (await (await viewer.get('/api/history/changes')).json()).events as {
      deviceId: string;
    }[];
    expect(changes.filter((event) => !allowed.has(event.deviceId))).toEqual([]);
    // Viewers never reach admin or mutating routes.
    expect((await viewer.get('/api/metrics')).status()).toBe(403);
    expect((await viewer.get('/api/admin/share-links')).status()).toBe(403);
    expect((await viewer.post('/api/fleet/sync', { headers: origin })).status()).toBe(403);
  });

  test('a device-list link with redaction hides hostnames and users', async ({ request: admin }) => {
    const devices = (await (await admin.get(`${liveUrl}/api/devices?limit=3&sort=hostname`)).json()).data as {
      id: string;
      hostname: string;
      lastLoggedInUser: string | null;
    }[];
    const { token } = await createLink(admin, {
      name: 'Redacted',
      kind: 'viewer',
      scope: { kind: 'devices', deviceIds: devices.map((d) => d.id) },
      redact: true,
      expiresInHours: 1,
    });
    const viewer = await openLink(token);
    const seen = await (await viewer.get('/api/devices')).json();
    expect(seen.total).toBe(3);
    const text =
      JSON.stringify(seen) +
      JSON.stringify(await (await viewer.get(`/api/devices/${devices[0]?.id}`)).json());
    for (const device of devices) {
      expect(text).not.toContain(device.hostname);
      if (device.lastLoggedInUser) expect(text).not.toContain(device.lastLoggedInUser);
    }
    expect(seen.data[0].hostname).toMatch(/^Device [0-9A-F]{6}$/);
    // Search cannot probe hidden names either.
    expect(
      (await (await viewer.get(`/api/devices?q=${encodeURIComponent(devices[0]?.hostname ?? '')}`)).json())
        .total,
    ).toBe(0);
  });

  test('revocation and expiry apply on the very next request', async ({ request: admin }) => {
    const first = await createLink(admin, {
      name: 'To revoke',
      kind: 'viewer',
      scope: { kind: 'fleet' },
      expiresInHours: 24,
    });
    const viewer = await openLink(first.token);
    expect((await viewer.get('/api/fleet/summary')).status()).toBe(200);
    const revoke = await admin.delete(`${liveUrl}/api/admin/share-links/${first.link.id}`, {
      headers: origin,
    });
    expect(revoke.status()).toBe(200);
    expect((await viewer.get('/api/fleet/summary')).status()).toBe(401);
    expect((await (await anonymous()).get(`/s/${first.token}`, { maxRedirects: 0 })).status()).toBe(404);

    const second = await createLink(admin, {
      name: 'To expire',
      kind: 'viewer',
      scope: { kind: 'fleet' },
      expiresInHours: 1,
    });
    const other = await openLink(second.token);
    expect((await other.get('/api/devices?limit=1')).status()).toBe(200);
    const db = new BetterSqlite3(path.join(LIVE.dataDir, 'levelboard.db'));
    db.prepare('UPDATE share_links SET expires_at = ? WHERE id = ?').run(Date.now() - 1000, second.link.id);
    db.close();
    // Written straight into the database, as another replica would: the server trusts its copy of
    // a link for 1 s (lib/auth/share-link-cache.ts), so this applies within 2 s. A link reaching
    // its own expiry is compared with the clock on every request and ends at once.
    await expect
      .poll(async () => (await other.get('/api/devices?limit=1')).status(), {
        timeout: 2_000,
        intervals: [100],
      })
      .toBe(401);

    const list = (await (await admin.get(`${liveUrl}/api/admin/share-links`)).json()).links as {
      id: string;
      useCount: number;
      revokedAt: number | null;
    }[];
    expect(list.find((link) => link.id === first.link.id)).toMatchObject({ useCount: 1 });
    expect(list.find((link) => link.id === first.link.id)?.revokedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(first.token);
  });

  test('a wall link reaches its wall and the read routes only: its heartbeat is the one write', async ({
    request: admin,
  }) => {
    const { token } = await createLink(admin, {
      name: 'Wall (access)',
      kind: 'wall',
      scope: { kind: 'fleet' },
      expiresInHours: null,
      wall: { views: ['problems'], intervalSeconds: 30 },
    });
    const wall = await anonymous();
    const opened = await wall.get(`/s/${token}`, { maxRedirects: 0 });
    expect(opened.headers()['location']).toBe('/wall');
    expect((await (await wall.get('/api/auth/session')).json()).wall).toEqual({
      views: ['problems'],
      intervalSeconds: 30,
    });
    for (const { path: routePath, method } of apiRoutes()) {
      if (PUBLIC_ROUTES.has(`${method} ${routePath}`)) continue;
      const adminOnly = routePath.startsWith('/api/admin/') || routePath === '/api/metrics';
      if (method === 'GET' && !adminOnly) continue;
      const response = await wall.fetch(routePath, {
        method,
        headers: origin,
        data: method === 'GET' ? undefined : {},
      });
      // The heartbeat lets the session through and then rejects the empty body.
      const expected = routePath === '/api/wall/heartbeat' ? 400 : 403;
      expect(response.status(), `${method} ${routePath}`).toBe(expected);
    }
    const beat = {
      screenId: 'access-check-0001',
      view: 'problems',
      build: 'x',
      uptimeSeconds: 1,
      heartbeatSeconds: 60,
    };
    expect((await wall.post('/api/wall/heartbeat', { headers: origin, data: beat })).status()).toBe(200);
    expect(
      (
        await wall.post('/api/wall/heartbeat', { data: beat, headers: { Origin: 'https://evil.example' } })
      ).status(),
    ).toBe(403);
    // Dashboard pages send a wall session back to its wall; the wall page itself is served.
    for (const page of ['/', '/devices', '/alerts', '/groups', '/settings']) {
      const response = await wall.get(page, { maxRedirects: 0 });
      expect(response.status(), page).toBeGreaterThanOrEqual(300);
      expect(response.headers()['location'], page).toBe('/wall');
    }
    expect((await wall.get('/wall', { maxRedirects: 0 })).status()).toBe(200);

    // A viewer link opens the dashboard, not a wall, and sends no heartbeats.
    const viewerLink = await createLink(admin, {
      name: 'Viewer (wall access)',
      kind: 'viewer',
      scope: { kind: 'fleet' },
      expiresInHours: 1,
    });
    const viewer = await openLink(viewerLink.token);
    const redirected = await viewer.get('/wall', { maxRedirects: 0 });
    expect(redirected.headers()['location']).toBe('/');
    expect((await viewer.post('/api/wall/heartbeat', { headers: origin, data: beat })).status()).toBe(403);
    // Nobody at all goes to the sign-in page.
    expect((await (await anonymous()).get('/wall', { maxRedirects: 0 })).headers()['location']).toBe(
      '/login',
    );
    // Wall settings belong to wall links only.
    const refused = await admin.post(`${liveUrl}/api/admin/share-links`, {
      data: { name: 'x', kind: 'viewer', scope: { kind: 'fleet' }, expiresInHours: 1, wall: { sound: true } },
      headers: origin,
    });
    expect(refused.status()).toBe(400);
  });

  test('wrong and malformed tokens are a plain 404', async () => {
    const nobody = await anonymous();
    for (const token of ['x', 'A'.repeat(43), '%00%ff', 'Z'.repeat(300), '../../etc/passwd']) {
      const response = await nobody.get(`/s/${encodeURIComponent(token)}`, { maxRedirects: 0 });
      expect(response.status(), token).toBe(404);
    }
  });

  test('a foreign Origin is refused on state-changing requests (CSRF)', async ({ request: admin }) => {
    const response = await admin.post(`${liveUrl}/api/admin/share-links`, {
      data: { name: 'csrf', kind: 'viewer', scope: { kind: 'fleet' }, expiresInHours: 1 },
      headers: { Origin: 'https://evil.example' },
    });
    expect(response.status()).toBe(403);
    const list = (await (await admin.get(`${liveUrl}/api/admin/share-links`)).json()).links as {
      name: string;
    }[];
    expect(list.some((link) => link.name === 'csrf')).toBe(false);
  });

  test('the sixth wrong password within a minute gets 429 with Retry-After', async () => {
    const nobody = await anonymous(demoUrl);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await nobody.post('/api/auth/login', {
        data: { password: `wrong-${attempt}` },
        headers: { Origin: demoUrl },
      });
      statuses.push(response.status());
      if (response.status() === 429) expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
