import { expect, test, type APIRequestContext } from '@playwright/test';
import { liveUrl } from './support/env';
import { simulator } from './support/simulator';

const live = simulator('live');
const get = async (request: APIRequestContext, path: string) => {
  const response = await request.get(`${liveUrl}${path}`);
  return { status: response.status(), body: await response.json() };
};

test.describe('history API (recorded by Levelboard)', () => {
  test('the fleet series ends with the current totals', async ({ request }) => {
    const summary = (await get(request, '/api/fleet/summary')).body;
    await expect
      .poll(async () => {
        const { body } = await get(request, '/api/history/fleet?range=1h');
        return body.points.at(-1)?.total;
      })
      .toBe(summary.devices.total);
    const { body } = await get(request, '/api/history/fleet?range=1h');
    expect(body.resolution).toBe('raw');
    expect(body).toMatchObject({ stale: false });
  });

  test('a device going offline becomes a transition, "offline since" and a recent change', async ({
    request,
  }) => {
    const list = (await get(request, '/api/devices?status=online&role=server&limit=1')).body;
    const device = list.data[0] as { id: string; hostname: string; clientId: string };
    const flippedAt = Date.now();
    await live.setDevice(device.id, { online: false });
    try {
      await expect
        .poll(async () => (await get(request, `/api/history/devices/${device.id}?range=1h`)).body.status)
        .toBe('offline');
      const history = (await get(request, `/api/history/devices/${device.id}?range=1h`)).body;
      expect(history.transitions.at(-1)).toMatchObject({ from: 'online', to: 'offline' });
      const at = Date.parse(history.transitions.at(-1).at);
      expect(Math.abs(at - flippedAt)).toBeLessThan(10_000);
      expect(Date.parse(history.offlineSince)).toBe(at);
      expect(history.uptimePct).toBeLessThan(100);
      const changes = (await get(request, '/api/history/changes?limit=50')).body;
      expect(changes.events).toContainEqual(
        expect.objectContaining({ kind: 'device_offline', deviceId: device.id, hostname: device.hostname }),
      );
      const group = (await get(request, `/api/history/groups/${device.clientId}?range=24h`)).body;
      expect(group.points.length).toBeGreaterThan(0);
    } finally {
      await live.setDevice(device.id, { online: true });
    }
  });

  for (const [path, status] of [
    ['/api/history/fleet?range=2h', 400],
    ['/api/history/fleet?from=2026-01-01T00:00:00Z', 400],
    ['/api/history/fleet?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 400],
    ['/api/history/fleet?range=1h&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z', 400],
    ['/api/history/changes?limit=0', 400],
    ['/api/history/groups/nope?range=1h', 404],
    ['/api/history/devices/nope', 404],
  ] as const) {
    test(`${status} for ${path}`, async ({ request }) => {
      const { status: actual, body } = await get(request, path);
      expect(actual).toBe(status);
      expect(body.error.message).toBeTruthy();
    });
  }
});
