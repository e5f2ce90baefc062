import { startSimulator, type RunningSimulator } from '@/simulator';
import { expect, test } from '@playwright/test';
import { E2E_REQUEST_BUDGET, EXTRA_PORTS, SHARED_SERVER_ENV, SYNC_INTERVAL_SECONDS } from './support/env';
import { startServer, type ServerProcess } from './support/processes';

// The request budget and the sync interval in force, as health and Settings show them; and a
// budget too small for the fleet really slows the sync down (lib/fleet/sync-pace.ts).

interface SyncPaceBody {
  budgetPerMinute: number;
  configuredIntervalSeconds: number;
  effectiveIntervalSeconds: number;
  setBy: string;
  requestsPerSync: number;
  webhooksHealthy: boolean;
}

const KEY = 'sync-pace-key-0123456789abcdef';
let sim: RunningSimulator | undefined;
let server: ServerProcess | undefined;

test.afterAll(async () => {
  await server?.kill('SIGKILL');
  await sim?.close();
});

test('health and Settings show the request budget and the interval in force', async ({ page, request }) => {
  const body = (await (await request.get('/api/health')).json()) as { sync: SyncPaceBody };
  expect(body.sync).toEqual({
    budgetPerMinute: E2E_REQUEST_BUDGET,
    configuredIntervalSeconds: SYNC_INTERVAL_SECONDS,
    effectiveIntervalSeconds: SYNC_INTERVAL_SECONDS,
    setBy: 'configured',
    requestsPerSync: expect.any(Number),
    // Demo mode's simulator sends signed webhooks, so they may be healthy by now; the e2e servers
    // keep their 5 s sync anyway (SYNC_WITH_WEBHOOKS_SECONDS=0).
    webhooksHealthy: expect.any(Boolean),
  });
  expect(body.sync.requestsPerSync).toBeGreaterThanOrEqual(5);
  await page.goto('/settings');
  const line = page.getByTestId('sync-pace');
  await expect(line).toContainText(`Request budget: ${E2E_REQUEST_BUDGET}/min`);
  await expect(line).toContainText(`syncs every ${SYNC_INTERVAL_SECONDS}\u00a0s`);
  await expect(line).toContainText('as configured');
});

test('a budget too small for the fleet stretches the interval, and the sync keeps to it', async () => {
  test.setTimeout(120_000);
  sim = await startSimulator({ devices: 600, seed: 31, apiKey: KEY, frozen: true, quiet: true });
  // 600 devices ≈ 10 list requests per sync; 80 % of 20/min pays for one every ~38 s, not 5 s.
  server = await startServer('sync-pace', EXTRA_PORTS[0] ?? 0, {
    LEVEL_API_KEY: KEY,
    LEVEL_API_URL: sim.url,
    ...SHARED_SERVER_ENV,
    LEVEL_REQUESTS_PER_MINUTE: '20',
    SYNC_INTERVAL_SECONDS: String(SYNC_INTERVAL_SECONDS),
  });
  const healthOf = async () =>
    (await (await fetch(`${server?.url}/api/health`)).json()) as { lastSyncAt: string; sync: SyncPaceBody };
  const first = await healthOf();
  expect(first.sync).toMatchObject({
    budgetPerMinute: 20,
    configuredIntervalSeconds: SYNC_INTERVAL_SECONDS,
    setBy: 'budget',
  });
  expect(first.sync.effectiveIntervalSeconds).toBeGreaterThanOrEqual(30);
  // At the configured 5 s there would be two more syncs by now; at the stretched pace, none. Every
  // sync lists alerts and tags, and nothing else does: those must not move. The posture sync's
  // background lane may spend its share (15 % of 20/min = 3 requests in any minute), no more.
  const syncOnly = () => {
    const byRoute = sim?.stats().requests.byRoute ?? {};
    return (byRoute['GET /v2/alerts'] ?? 0) + (byRoute['GET /v2/tags'] ?? 0);
  };
  const requestsBefore = sim.stats().requests.total;
  const syncRequestsBefore = syncOnly();
  await new Promise((resolve) => setTimeout(resolve, 3 * SYNC_INTERVAL_SECONDS * 1000));
  const later = await healthOf();
  expect(later.lastSyncAt).toBe(first.lastSyncAt);
  expect(syncOnly() - syncRequestsBefore).toBe(0);
  expect(sim.stats().requests.total - requestsBefore).toBeLessThanOrEqual(3);
  expect(later.sync.effectiveIntervalSeconds).toBe(first.sync.effectiveIntervalSeconds);
});

test('demo mode is real-time: signed webhooks from its simulator arrive and the sync becomes the safety net', async () => {
  test.setTimeout(120_000);
  // Demo mode (no key), with the default SYNC_WITH_WEBHOOKS_SECONDS: what an evaluator runs.
  const demo = await startServer('sync-pace-demo', EXTRA_PORTS[1] ?? 0, {
    ...SHARED_SERVER_ENV,
    SYNC_WITH_WEBHOOKS_SECONDS: '300',
    SYNC_INTERVAL_SECONDS: String(SYNC_INTERVAL_SECONDS),
  });
  try {
    const healthOf = async () => {
      const response = await fetch(`${demo.url}/api/health`);
      return (await response.json()) as {
        sync: SyncPaceBody;
        webhooks: { configured: boolean; eventsToday: number; signatureFailuresToday: number };
      };
    };
    await expect
      .poll(async () => (await healthOf()).sync.setBy, { timeout: 90_000, intervals: [1_000] })
      .toBe('webhooks');
    const health = await healthOf();
    expect(health.sync).toMatchObject({ webhooksHealthy: true, effectiveIntervalSeconds: 300 });
    expect(health.webhooks.configured).toBe(true);
    expect(health.webhooks.eventsToday).toBeGreaterThan(0);
    expect(health.webhooks.signatureFailuresToday).toBe(0);
  } finally {
    await demo.kill('SIGKILL');
  }
});
