import { expect, test, type APIRequestContext } from '@playwright/test';
import { SYNC_INTERVAL_SECONDS, liveUrl } from './support/env';
import { simulator } from './support/simulator';

const live = simulator('live');
const api = (request: APIRequestContext, path: string, headers?: Record<string, string>) =>
  request.get(`${liveUrl}${path}`, { headers });

test.describe('Levelboard API against the standalone simulator', () => {
  test.afterEach(async () => {
    await live.resetFaults();
  });

  test('summary equals the simulator’s own counts', async ({ request }) => {
    const stats = await live.stats();
    await expect
      .poll(async () => {
        const summary = await (await api(request, '/api/fleet/summary')).json();
        return JSON.stringify({ devices: summary.devices, alerts: summary.alerts.active });
      })
      .toBe(JSON.stringify({ devices: stats.devices, alerts: stats.alerts.active }));
  });

  test('answers 304 to an unchanged poll (strong ETag)', async ({ request }) => {
    const first = await api(request, '/api/devices?limit=5');
    const etag = first.headers()['etag'];
    expect(etag).toMatch(/^"[^"]+"$/);
    const second = await api(request, '/api/devices?limit=5', { 'If-None-Match': etag ?? '' });
    expect(second.status()).toBe(304);
    const other = await api(request, '/api/devices?limit=6', { 'If-None-Match': etag ?? '' });
    expect(other.status()).toBe(200);
  });

  for (const [path, parameter] of [
    ['/api/devices?sort=colour', 'sort'],
    ['/api/devices?limit=0', 'limit'],
    ['/api/devices?limit=501', 'limit'],
    ['/api/devices?limit=ten', 'limit'],
    ['/api/devices?status=sleeping', 'status'],
    ['/api/alerts?status=open', 'status'],
    ['/api/alerts?severity=bad', 'severity'],
    ['/api/alerts?since=yesterday', 'since'],
    ['/api/devices?cursor=%%%', 'cursor'],
    ['/api/devices?colour=red', 'colour'],
  ] as const) {
    test(`400 names the parameter: ${path}`, async ({ request }) => {
      const response = await api(request, path);
      expect(response.status()).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message).toContain(parameter);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.js|node_modules/);
    });
  }

  test('unknown ids are 404', async ({ request }) => {
    for (const path of [
      '/api/devices/Z2lkOi8vbGV2ZWwvRGV2aWNlLzk5OTk5OTk',
      '/api/devices?group=Z2lkOi8vbGV2ZWwvR3JvdXAvOTk5OTk',
      '/api/alerts?device=nope',
      '/api/devices?tag=no-such-tag',
    ]) {
      const response = await api(request, path);
      expect(response.status(), path).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
  });

  test('groups, clients and alerts agree with the summary', async ({ request }) => {
    const summary = await (await api(request, '/api/fleet/summary')).json();
    const { groups, ungrouped } = await (await api(request, '/api/groups')).json();
    const clients = groups.filter((group: { depth: number }) => group.depth === 0);
    expect(clients.length).toBe(summary.clientCount);
    const total = clients.reduce(
      (sum: number, c: { subtree: { devices: { total: number } } }) => sum + c.subtree.devices.total,
      0,
    );
    expect(total + ungrouped.devices.total).toBe(summary.devices.total);
    const clientsResponse = await api(request, '/api/fleet/clients');
    expect(clientsResponse.status(), await clientsResponse.text()).toBe(200);
    const clientList = await clientsResponse.json();
    expect(clientList.clients.map((c: { id: string }) => c.id).sort()).toEqual(
      clients.map((c: { id: string }) => c.id).sort(),
    );
    const critical = await (await api(request, '/api/alerts?severity=critical,emergency&limit=500')).json();
    expect(critical.total).toBe(summary.alerts.active.critical + summary.alerts.active.emergency);
    expect(
      critical.data.every(
        (a: { severity: string; resolved: boolean }) =>
          !a.resolved && ['critical', 'emergency'].includes(a.severity),
      ),
    ).toBe(true);
  });

  test('metrics expose fleet gauges per client and Levelboard’s own sync and HTTP metrics', async ({
    request,
  }) => {
    const text = await (await api(request, '/api/metrics')).text();
    expect(text).toMatch(/^levelboard_devices\{client="[^"]+",status="online"\} \d+/m);
    expect(text).toMatch(/^levelboard_alerts_active\{client="[^"]+",severity="critical"\} \d+/m);
    expect(text).toMatch(/^levelboard_sync_duration_seconds_count\{result="ok"\} [1-9]/m);
    expect(text).toMatch(/^levelboard_level_requests_total\{method="GET",status="200"\} [1-9]/m);
    expect(text).toMatch(/^levelboard_http_requests_total\{route="fleet.summary",status="200"\} [1-9]/m);
  });

  test('device list pages with a cursor through every device exactly once', async ({ request }) => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = await (
        await api(request, `/api/devices?limit=150&sort=-lastSeen${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      for (const row of page.data) seen.add(row.id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBe((await live.stats()).devices.total);
  });

  test('Level failing: every route still answers with the last data marked stale, then recovers', async ({
    request,
  }) => {
    test.setTimeout(120_000);
    const routes = [
      '/api/fleet/summary',
      '/api/devices?limit=10',
      '/api/groups',
      '/api/alerts',
      '/api/health',
    ];
    await live.setFaults({ errorRate: 1 });
    await expect
      .poll(async () => (await (await api(request, '/api/fleet/summary')).json()).stale, {
        timeout: (SYNC_INTERVAL_SECONDS * 3 + 10) * 1000,
      })
      .toBe(true);
    for (const path of routes) {
      const response = await api(request, path);
      expect(response.status(), path).toBe(200);
      expect((await response.json()).stale, path).toBe(true);
    }
    await live.setFaults({ errorRate: 0, malformedRate: 1 });
    expect((await api(request, '/api/devices?limit=10')).status()).toBe(200);
    await live.resetFaults();
    await expect
      .poll(async () => (await (await api(request, '/api/fleet/summary')).json()).stale, { timeout: 60_000 })
      .toBe(false);
  });
});
