import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import {
  ADMIN_STATE,
  ARTIFACTS,
  EXTRA_PORTS,
  LEVEL_READONLY_KEY,
  SHARED_SERVER_ENV,
  liveUrl,
  simulatorOrigin,
} from './support/env';
import { startServer } from './support/processes';
import { PUBLIC_ROUTES, apiRoutes } from './support/route-tree';
import { levelGet, levelRequests, simulator, simulatorControl } from './support/simulator';

const simulatorReset = () => simulatorControl('live', 'POST', '/_sim/requests/reset');
const simulatorRequests = () =>
  simulatorControl<{ rateLimited: number; maxInFlight: number }>('live', 'GET', '/_sim/requests');

// Admin actions through Levelboard's API against the standalone simulator: each one changes the
// simulator as intended, shows in Levelboard at once, is refused to anyone but the admin, and is
// refused whole (nothing half-applied) with a read-only key.

const origin = { Origin: liveUrl };
const sim = simulator('live');

interface LevelGroup {
  id: string;
  name: string;
  parent_id: string | null;
}
interface LevelDevice {
  id: string;
  nickname: string | null;
  notes: string | null;
  group_id: string | null;
  tags: string[];
}

async function adminContext(baseURL = liveUrl): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL,
    storageState: ADMIN_STATE,
    extraHTTPHeaders: { Origin: baseURL },
  });
}

async function send(admin: APIRequestContext, method: string, url: string, data?: unknown) {
  const response = await admin.fetch(url, { method, data });
  const body = response.headers()['content-type']?.includes('json') ? await response.json() : null;
  return { status: response.status(), body };
}

async function someDevices(admin: APIRequestContext, count: number, query = '') {
  const list = await (await admin.get(`/api/devices?limit=${count}&sort=hostname${query}`)).json();
  return list.data as { id: string; hostname: string; groupId: string | null; tags: string[] }[];
}

/** A share-link session (viewer or wall), as a technician's browser would hold it. */
async function shareSession(admin: APIRequestContext, kind: 'viewer' | 'wall'): Promise<APIRequestContext> {
  const created = await send(admin, 'POST', '/api/admin/share-links', {
    name: `403 check (${kind})`,
    kind,
    scope: { kind: 'fleet' },
    expiresInHours: 24,
  });
  expect(created.status).toBe(201);
  appendFileSync(path.join(ARTIFACTS, 'share-tokens.txt'), `${created.body.token}\n`);
  const session = await playwrightRequest.newContext({
    baseURL: liveUrl,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: origin,
  });
  expect((await session.get(`/s/${created.body.token}`, { maxRedirects: 0 })).status()).toBe(303);
  return session;
}

/** Routes a wall screen may call besides reading: its own heartbeat. */
const WALL_OWN = /^POST \/api\/wall\//;

test.describe('admin actions (API)', () => {
  test('viewer and wall sessions get 403 from every admin and mutating route (route tree)', async () => {
    const admin = await adminContext();
    const routes = apiRoutes().filter(({ path: p, method }) => {
      const key = `${method} ${p}`;
      if (PUBLIC_ROUTES.has(key) || WALL_OWN.test(key)) return false;
      return method !== 'GET' || p.startsWith('/api/admin') || p === '/api/metrics';
    });
    expect(routes.filter((r) => r.path.startsWith('/api/admin/')).length).toBeGreaterThan(15);
    for (const kind of ['viewer', 'wall'] as const) {
      const session = await shareSession(admin, kind);
      for (const { path: routePath, method } of routes) {
        const response = await session.fetch(routePath, { method, data: method === 'GET' ? undefined : {} });
        expect(response.status(), `${kind}: ${method} ${routePath}`).toBe(403);
      }
    }
  });

  test('a cross-site request and nonsense input are refused before Level is called', async () => {
    const admin = await adminContext();
    const [device] = await someDevices(admin, 1);
    if (!device) throw new Error('fixture needs a device');
    const before = (await levelRequests())['PATCH /v2/devices/{id}'] ?? 0;
    const foreign = await admin.patch(`/api/admin/devices/${device.id}`, {
      data: { notes: 'x' },
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.status()).toBe(403);
    const cases: [string, string, unknown, number, RegExp][] = [
      ['PATCH', `/api/admin/devices/${device.id}`, {}, 400, /nickname, notes or a group/],
      ['PATCH', `/api/admin/devices/${device.id}`, { nickname: 'x'.repeat(101) }, 400, /nickname/],
      ['PATCH', `/api/admin/devices/${device.id}`, { color: 'red' }, 400, /color|Unrecognized/i],
      ['PATCH', '/api/admin/devices/Z2lkOi8vbGV2ZWwvRGV2aWNlLzk5OTk5', { notes: 'x' }, 404, /Unknown device/],
      ['POST', '/api/admin/groups', { name: '   ' }, 400, /name/],
      ['POST', '/api/admin/tags/nope/devices', { deviceIds: [device.id] }, 404, /tag/],
      ['POST', '/api/admin/alerts/resolve', { alertIds: [] }, 400, /at least one/],
      ['POST', '/api/admin/groups/x/devices', { deviceIds: 'all' }, 400, /deviceIds/],
    ];
    for (const [method, url, data, status, message] of cases) {
      const answer = await send(admin, method, url, data);
      expect(answer.status, `${method} ${url} ${JSON.stringify(data)}`).toBe(status);
      expect(answer.body.error.message).toMatch(message);
    }
    expect((await levelRequests())['PATCH /v2/devices/{id}'] ?? 0).toBe(before);
  });

  test('device edit: nickname, notes and group change in Level and show at once', async () => {
    const admin = await adminContext();
    const [device] = await someDevices(admin, 1, '&q=');
    const groups = (await (await admin.get('/api/groups')).json()).groups as { id: string; name: string }[];
    const target = groups.find((group) => group.id !== device?.groupId);
    if (!device || !target) throw new Error('fixture needs a device and another group');

    const edit = await send(admin, 'PATCH', `/api/admin/devices/${device.id}`, {
      nickname: 'Reception PC',
      notes: 'Replaced the PSU on 2026-11-20',
      groupId: target.id,
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const inLevel = await levelGet<LevelDevice>(`/devices/${device.id}`);
    expect(inLevel).toMatchObject({
      nickname: 'Reception PC',
      notes: 'Replaced the PSU on 2026-11-20',
      group_id: target.id,
    });
    const shown = (await (await admin.get(`/api/devices/${device.id}`)).json()).device;
    expect(shown).toMatchObject({ displayName: 'Reception PC', groupId: target.id });

    expect((await send(admin, 'PATCH', `/api/admin/devices/${device.id}`, { nickname: '' })).status).toBe(
      200,
    );
    expect((await levelGet<LevelDevice>(`/devices/${device.id}`)).nickname).toBeNull();
    const audit = (await (await admin.get('/api/admin/audit')).json()).entries as {
      action: string;
      result: string;
      target: string;
    }[];
    expect(
      audit.find((entry) => entry.action === 'devices.update' && entry.target === `device ${device.id}`),
    ).toMatchObject({
      result: 'ok',
    });
  });

  test('groups: create nested, rename keeps the parent (PATCH gotcha), move, assign devices, delete', async () => {
    const admin = await adminContext();
    const parent = await send(admin, 'POST', '/api/admin/groups', { name: 'E2E Client' });
    expect(parent.status, JSON.stringify(parent.body)).toBe(201);
    const child = await send(admin, 'POST', '/api/admin/groups', {
      name: 'E2E Site',
      parentId: parent.body.group.id,
    });
    expect(child.status).toBe(201);
    const childId = child.body.group.id as string;

    expect(
      (await send(admin, 'PATCH', `/api/admin/groups/${childId}`, { name: 'E2E Site North' })).status,
    ).toBe(200);
    expect(await levelGet<LevelGroup>(`/groups/${childId}`)).toMatchObject({
      name: 'E2E Site North',
      parent_id: parent.body.group.id,
    });
    const cycle = await send(admin, 'PATCH', `/api/admin/groups/${parent.body.group.id}`, {
      parentId: childId,
    });
    expect(cycle.status).toBe(400);

    const devices = await someDevices(admin, 3);
    const ids = devices.map((device) => device.id);
    expect(
      (await send(admin, 'POST', `/api/admin/groups/${childId}/devices`, { deviceIds: ids })).status,
    ).toBe(200);
    for (const id of ids) expect((await levelGet<LevelDevice>(`/devices/${id}`)).group_id).toBe(childId);
    const listed = await (await admin.get(`/api/devices?group=${childId}`)).json();
    expect(listed.total).toBe(3);
    expect(
      (await send(admin, 'DELETE', `/api/admin/groups/${childId}/devices`, { deviceIds: ids.slice(0, 1) }))
        .status,
    ).toBe(200);
    expect((await levelGet<LevelDevice>(`/devices/${ids[0]}`)).group_id).toBeNull();

    expect((await send(admin, 'PATCH', `/api/admin/groups/${childId}`, { parentId: null })).status).toBe(200);
    expect((await levelGet<LevelGroup>(`/groups/${childId}`)).parent_id).toBeNull();
    const clients = (await (await admin.get('/api/fleet/clients')).json()).clients as { id: string }[];
    expect(clients.some((client) => client.id === childId)).toBe(true);

    expect((await send(admin, 'DELETE', `/api/admin/groups/${childId}`)).status).toBe(200);
    expect(
      (
        await fetch(`${simulatorOrigin}/v2/groups/${childId}`, {
          headers: { Authorization: process.env.E2E_LEVEL_KEY ?? '' },
        })
      ).status,
    ).toBe(404);
    for (const id of ids.slice(1))
      expect((await levelGet<LevelDevice>(`/devices/${id}`)).group_id).toBeNull();
    expect((await (await admin.get(`/api/devices/${ids[1]}`)).json()).device.groupId).toBeNull();
    expect((await send(admin, 'DELETE', `/api/admin/groups/${parent.body.group.id}`)).status).toBe(200);
  });

  test('tags: create, apply, rename, remove and delete, with duplicates refused', async () => {
    const admin = await adminContext();
    const created = await send(admin, 'POST', '/api/admin/tags', { name: 'E2E Patch wave 🚀' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const tagId = created.body.tag.id as string;
    expect((await send(admin, 'POST', '/api/admin/tags', { name: 'e2e patch wave 🚀' })).status).toBe(409);

    const ids = (await someDevices(admin, 4)).map((device) => device.id);
    const applied = await send(admin, 'POST', `/api/admin/tags/${tagId}/devices`, { deviceIds: ids });
    expect(applied.body).toMatchObject({ count: 4, changed: 4 });
    // Again: nothing to change, and no 422 from Level.
    expect(
      (await send(admin, 'POST', `/api/admin/tags/${tagId}/devices`, { deviceIds: ids })).body,
    ).toMatchObject({ changed: 0 });
    for (const id of ids)
      expect((await levelGet<LevelDevice>(`/devices/${id}`)).tags).toContain('E2E Patch wave 🚀');
    const filtered = await (
      await admin.get(`/api/devices?tag=${encodeURIComponent('E2E Patch wave 🚀')}`)
    ).json();
    expect(filtered.total).toBe(4);

    expect((await send(admin, 'PATCH', `/api/admin/tags/${tagId}`, { name: 'E2E Wave 2' })).status).toBe(200);
    expect((await levelGet<LevelDevice>(`/devices/${ids[0]}`)).tags).toContain('E2E Wave 2');
    expect((await (await admin.get(`/api/devices/${ids[0]}`)).json()).device.tags).toContain('E2E Wave 2');

    expect(
      (await send(admin, 'DELETE', `/api/admin/tags/${tagId}/devices`, { deviceIds: ids.slice(0, 1) }))
        .status,
    ).toBe(200);
    expect((await levelGet<LevelDevice>(`/devices/${ids[0]}`)).tags).not.toContain('E2E Wave 2');
    const tags = (await (await admin.get('/api/admin/tags')).json()).tags as {
      id: string;
      deviceCount: number;
    }[];
    expect(tags.find((tag) => tag.id === tagId)?.deviceCount).toBe(3);

    expect((await send(admin, 'DELETE', `/api/admin/tags/${tagId}`)).status).toBe(200);
    expect((await levelGet<LevelDevice>(`/devices/${ids[1]}`)).tags).not.toContain('E2E Wave 2');
  });

  test('alerts: bulk resolve resolves in Level and leaves the active list at once', async () => {
    const admin = await adminContext();
    const devices = await someDevices(admin, 3, '&status=online');
    const opened = await Promise.all(
      devices.map((device) =>
        sim.openAlert({ device_id: device.id, severity: 'critical', name: 'E2E bulk resolve' }),
      ),
    );
    const ids = opened.map((alert) => alert.id);
    await expect
      .poll(
        async () =>
          (await (await admin.get('/api/alerts?limit=500')).json()).data.filter((a: { id: string }) =>
            ids.includes(a.id),
          ).length,
      )
      .toBe(3);
    const resolved = await send(admin, 'POST', '/api/admin/alerts/resolve', { alertIds: ids });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toEqual({ resolved: expect.arrayContaining(ids), failed: [] });
    for (const id of ids)
      expect((await levelGet<{ is_resolved: boolean }>(`/alerts/${id}`)).is_resolved).toBe(true);
    const active = (await (await admin.get('/api/alerts?limit=500')).json()).data as { id: string }[];
    expect(active.filter((alert) => ids.includes(alert.id))).toEqual([]);
    expect((await send(admin, 'POST', '/api/admin/alerts/resolve', { alertIds: ids })).status).toBe(404);
  });

  test('automations: listed without their webhook tokens, triggered for chosen devices', async () => {
    const admin = await adminContext();
    const listing = await admin.get('/api/admin/automations');
    expect(listing.status()).toBe(200);
    const text = await listing.text();
    const hooks = await levelGet<
      { data: { url: string; automation_id: string }[] } | { url: string; automation_id: string }[]
    >('/automations/webhooks');
    const hookList = Array.isArray(hooks) ? hooks : hooks.data;
    expect(hookList.length).toBeGreaterThan(0);
    for (const hook of hookList) {
      const token = hook.url.split('/').pop() ?? '';
      expect(text).not.toContain(token);
      appendFileSync(path.join(ARTIFACTS, 'share-tokens.txt'), `${token}\n`);
    }
    const automations = JSON.parse(text).automations as {
      id: string;
      name: string;
      webhook: { parameters: string[] } | null;
    }[];
    const runnable = automations.find((automation) => automation.webhook);
    const notRunnable = automations.find((automation) => !automation.webhook);
    if (!runnable) throw new Error('fixture needs an automation with a webhook');

    const ids = (await someDevices(admin, 2)).map((device) => device.id);
    const before = (await levelRequests())['POST /v2/automations/webhooks/{token}'] ?? 0;
    const run = await send(admin, 'POST', `/api/admin/automations/${runnable.id}/trigger`, {
      deviceIds: ids,
    });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body).toMatchObject({ devices: 2, automationName: runnable.name });
    expect(run.body.runIds).toHaveLength(2);
    expect((await levelRequests())['POST /v2/automations/webhooks/{token}']).toBe(before + 1);
    const runInLevel = await levelGet<{ device_id: string }>(`/automation-runs/${run.body.runIds[0]}`);
    expect(ids).toContain(runInLevel.device_id);
    if (notRunnable) {
      const refused = await send(admin, 'POST', `/api/admin/automations/${notRunnable.id}/trigger`, {
        deviceIds: ids,
      });
      expect(refused.status).toBe(409);
    }
  });

  test('bulk on 500 devices: bounded concurrency, 429s waited out, everything applied', async () => {
    test.setTimeout(180_000);
    const admin = await adminContext();
    const ids = (await someDevices(admin, 500)).map((device) => device.id);
    expect(ids).toHaveLength(500);

    const tag = await send(admin, 'POST', '/api/admin/tags', { name: 'E2E bulk 500' });
    const tagRequestsBefore = (await levelRequests())['POST /v2/tags/{id}/devices'] ?? 0;
    const tagged = await send(admin, 'POST', `/api/admin/tags/${tag.body.tag.id}/devices`, {
      deviceIds: ids,
    });
    expect(tagged.body).toMatchObject({ count: 500, changed: 500 });
    // Level's bulk endpoint, 100 devices a request.
    expect((await levelRequests())['POST /v2/tags/{id}/devices']).toBe(tagRequestsBefore + 5);
    const inLevel = await levelGet<{ data: { id: string }[] }>(
      `/devices?tag_id=${tag.body.tag.id}&limit=100`,
    );
    expect(inLevel.data.length).toBe(100);

    const alertIds: string[] = [];
    for (const id of ids)
      alertIds.push((await sim.openAlert({ device_id: id, severity: 'warning', name: 'E2E bulk 500' })).id);
    await expect
      .poll(async () => (await (await admin.get('/api/alerts?q=E2E%20bulk%20500&limit=1')).json()).total, {
        timeout: 30_000,
      })
      .toBe(500);
    await simulatorReset();
    await sim.setFaults({ latencyMs: 20, forceRateLimit: true, retryAfterSeconds: 1 });
    const lift = setTimeout(() => void sim.setFaults({ forceRateLimit: false }), 1_500);
    const resolved = await send(admin, 'POST', '/api/admin/alerts/resolve', { alertIds });
    clearTimeout(lift);
    await sim.resetFaults();
    expect(resolved.status, JSON.stringify(resolved.body).slice(0, 300)).toBe(200);
    expect(resolved.body.resolved).toHaveLength(500);
    const counters = await simulatorRequests();
    expect(counters.rateLimited).toBeGreaterThan(0);
    // LEVEL_CONCURRENCY (default 4) bounds everything this server sends, syncs included.
    expect(counters.maxInFlight).toBeLessThanOrEqual(4);
    const stillActive = await levelGet<{ data: { name: string }[] }>('/alerts?status=active&limit=100');
    expect(stillActive.data.filter((alert) => alert.name === 'E2E bulk 500')).toEqual([]);
    await send(admin, 'DELETE', `/api/admin/tags/${tag.body.tag.id}`);
  });

  test('a read-only key: actions refused with the explanation, nothing half-applied', async () => {
    const server = await startServer('read-only', EXTRA_PORTS[3] ?? 0, {
      ...SHARED_SERVER_ENV,
      LEVEL_API_KEY: LEVEL_READONLY_KEY,
      LEVEL_API_URL: `${simulatorOrigin}/v2`,
      SYNC_INTERVAL_SECONDS: '5',
    });
    try {
      const admin = await adminContext(server.url);
      await expect
        .poll(async () => (await admin.get('/api/fleet/summary')).status(), { timeout: 30_000 })
        .toBe(200);
      const capabilities = await (await admin.get('/api/admin/actions/capabilities')).json();
      expect(capabilities).toMatchObject({ writeAccess: 'read_only' });
      expect(capabilities.message).toMatch(/read-only in Level/);

      const devices = await someDevices(admin, 3);
      const ids = devices.map((device) => device.id);
      const before = await levelRequests();
      const tag = (await (await admin.get('/api/admin/tags')).json()).tags[0] as { id: string };
      const groups = (await (await admin.get('/api/groups')).json()).groups as { id: string }[];
      const alerts = (await (await admin.get('/api/alerts?limit=3')).json()).data as { id: string }[];
      expect(alerts.length).toBeGreaterThan(0);
      const automation = (
        (await (await admin.get('/api/admin/automations')).json()).automations as {
          id: string;
          webhook: unknown;
        }[]
      ).find((candidate) => candidate.webhook);
      const attempts: [string, string, unknown][] = [
        ['PATCH', `/api/admin/devices/${ids[0]}`, { notes: 'should not land' }],
        ['POST', '/api/admin/groups', { name: 'Should not exist' }],
        ['POST', `/api/admin/groups/${groups[0]?.id}/devices`, { deviceIds: ids }],
        ['POST', `/api/admin/tags/${tag.id}/devices`, { deviceIds: ids }],
        ['POST', '/api/admin/tags', { name: 'Should not exist' }],
        ['POST', `/api/admin/automations/${automation?.id}/trigger`, { deviceIds: ids }],
        ['POST', '/api/admin/alerts/resolve', { alertIds: alerts.map((alert) => alert.id) }],
      ];
      for (const [method, url, data] of attempts) {
        const answer = await send(admin, method, url, data);
        expect(answer.status, `${method} ${url}`).toBe(403);
        expect(answer.body.error).toMatchObject({ code: 'level_read_only' });
        expect(answer.body.error.message).toMatch(/This API key is read-only in Level/);
      }
      // Refused before sending: not one write reached the simulator.
      const after = await levelRequests();
      for (const route of Object.keys(after).filter((r) => !r.startsWith('GET'))) {
        expect(after[route], route).toBe(before[route]);
      }
      expect((await levelGet<LevelDevice>(`/devices/${ids[0]}`)).notes).not.toBe('should not land');
    } finally {
      await server.kill();
    }
  });
});
