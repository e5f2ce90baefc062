import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import {
  ADMIN_STATE,
  EXTRA_PORTS,
  LEVEL_KEY,
  LIVE,
  SHARED_SERVER_ENV,
  SYNC_INTERVAL_SECONDS,
  liveUrl,
  simulatorOrigin,
} from './support/env';
import { health, startServer } from './support/processes';
import { simulator } from './support/simulator';
import { SCREENSHOTS, createWallLink, loadedAt, openWall, wallRoot } from './support/wall';

// A wall looks after itself: it shows stale data as stale, survives network loss and a server
// restart without a reload, reloads itself (keeping its view) for a new build, a large heap or a
// long uptime, and reports in so the admin page can list it and flag it when it goes silent.
const live = simulator('live');

interface WallRow {
  screenId: string;
  name: string | null;
  lastReload: string | null;
  silent: boolean;
  view: string | null;
}

async function wallRows(admin: APIRequestContext): Promise<WallRow[]> {
  return ((await (await admin.get(`${liveUrl}/api/admin/walls`)).json()) as { walls: WallRow[] }).walls;
}

const screenIdOf = (page: Page) => page.evaluate(() => localStorage.getItem('levelboard-wall-screen'));

/** Waits until the document is one the wall reloaded itself (not one a test navigated to). */
async function expectReloaded(page: Page, timeout: number): Promise<void> {
  const navigationType = () =>
    page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type);
  await expect.poll(() => navigationType().catch(() => 'navigating'), { timeout }).toBe('reload');
  await expect(wallRoot(page)).toBeVisible();
}

let token = '';
test.beforeAll(async () => {
  const admin = await playwrightRequest.newContext({ storageState: ADMIN_STATE });
  ({ token } = await createWallLink(admin, { name: 'Self-care wall', wall: { intervalSeconds: 20 } }));
  await admin.dispose();
});

test('Level failing shows the stale state within one sync interval; recovery clears it', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const page = await openWall(browser, token, { query: 'views=fleet&poll=1&shift=0' });
  await expect(page.getByTestId('wall-devices').locator('[data-value]')).toBeVisible();
  await expect(page.getByTestId('wall-stale')).toHaveCount(0);
  const total = await page.getByTestId('wall-devices').locator('[data-value]').getAttribute('data-value');
  await live.setFaults({ errorRate: 1 });
  try {
    // The server decides when data is stale (two intervals without a sync); the wall follows.
    await expect
      .poll(async () => (await health(liveUrl)).stale, { timeout: 90_000, intervals: [250] })
      .toBe(true);
    await expect(page.getByTestId('wall-stale')).toBeVisible({ timeout: SYNC_INTERVAL_SECONDS * 1_000 });
    await expect(page.getByTestId('wall-stale')).toContainText('STALE since');
    await expect(page.getByTestId('wall-age-fleet')).toHaveAttribute('data-old', 'true');
    await expect(page.getByTestId('wall-devices').locator('[data-value]')).toHaveAttribute(
      'data-value',
      total ?? '',
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'wall-stale-1920x1080.png') });
  } finally {
    await live.resetFaults();
  }
  await expect(page.getByTestId('wall-stale')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('wall-age-fleet')).toHaveAttribute('data-old', 'false');
  await page.context().close();
});

test('reconnects by itself after network loss and after a server restart, without reloading', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await openWall(browser, token, { query: 'views=fleet&poll=1&shift=0' });
  await expect(page.getByTestId('wall-devices').locator('[data-value]')).toBeVisible();
  const first = await loadedAt(page);
  await page.context().setOffline(true);
  await expect(page.getByTestId('wall-disconnected')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('wall-devices').locator('[data-value]')).toBeVisible();
  await page.context().setOffline(false);
  await expect(page.getByTestId('wall-disconnected')).toHaveCount(0, { timeout: 30_000 });
  expect(await loadedAt(page)).toBe(first);
  await page.context().close();

  // A server of its own, restarted on the same database (the live one is shared by every spec).
  const port = EXTRA_PORTS[2] ?? 0;
  const env = {
    LEVEL_API_KEY: LEVEL_KEY,
    LEVEL_API_URL: `${simulatorOrigin}/v2`,
    ...SHARED_SERVER_ENV,
    SYNC_INTERVAL_SECONDS: String(SYNC_INTERVAL_SECONDS),
  };
  let server = await startServer('wall-restart', port, env);
  const context = await browser.newContext({
    storageState: ADMIN_STATE,
    viewport: { width: 1920, height: 1080 },
  });
  const adminWall = await context.newPage();
  try {
    await adminWall.goto(`${server.url}/wall?views=fleet&poll=1&shift=0`);
    await expect(adminWall.getByTestId('wall-devices').locator('[data-value]')).toBeVisible();
    const loaded = await loadedAt(adminWall);
    // A crash, or a restart that does not wait: Next's graceful SIGTERM waits for open connections,
    // which a wall polling every second keeps busy.
    await server.kill('SIGKILL');
    await expect(adminWall.getByTestId('wall-disconnected')).toBeVisible({ timeout: 15_000 });
    await adminWall.screenshot({ path: path.join(SCREENSHOTS, 'wall-disconnected-1920x1080.png') });
    server = await startServer('wall-restart', port, env, { keepData: true });
    await expect(adminWall.getByTestId('wall-disconnected')).toHaveCount(0, { timeout: 75_000 });
    await expect(adminWall.getByTestId('wall-devices').locator('[data-value]')).toBeVisible();
    expect(await loadedAt(adminWall)).toBe(loaded);
  } finally {
    await context.close();
    await server.kill('SIGKILL');
  }
});

test('reloads itself for a new build, keeping its view, and tells the admin why', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const page = await openWall(browser, token, {
    query: 'views=fleet,clients&interval=20&heartbeat=5&shift=0',
  });
  await expect(wallRoot(page)).toHaveAttribute('data-view', 'clients', { timeout: 30_000 });
  // A redeploy, as the wall sees it: the server answers its heartbeat with another build id.
  await page.route(
    '**/api/wall/heartbeat',
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), build: 'a-newer-build' } });
    },
    { times: 1 },
  );
  await expectReloaded(page, 30_000);
  await expect(wallRoot(page)).toHaveAttribute('data-view', 'clients');
  const screenId = await screenIdOf(page);
  await expect
    .poll(async () => (await wallRows(request)).find((row) => row.screenId === screenId)?.lastReload, {
      timeout: 20_000,
    })
    .toBe('version');
  await page.context().close();
});

test('reloads itself after its maximum uptime and past its heap limit', async ({ browser, request }) => {
  test.setTimeout(120_000);
  for (const [query, reason] of [
    ['views=problems&maxUptime=10&heartbeat=5&shift=0', 'uptime'],
    ['views=problems&heapLimit=1&heartbeat=5&shift=0', 'memory'],
  ] as const) {
    const page = await openWall(browser, token, { query });
    await expectReloaded(page, 45_000);
    await expect(wallRoot(page)).toHaveAttribute('data-view', 'problems');
    const screenId = await screenIdOf(page);
    await expect
      .poll(async () => (await wallRows(request)).find((row) => row.screenId === screenId)?.lastReload, {
        timeout: 20_000,
      })
      .toBe(reason);
    await page.context().close();
  }
});

test('the admin page lists each wall with its last contact and flags one silent for long', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const wall = await openWall(browser, token, { query: 'heartbeat=5&name=Lobby%20TV&shift=0' });
  const screenId = await screenIdOf(wall);
  const adminContext = await browser.newContext({ storageState: ADMIN_STATE });
  const admin = await adminContext.newPage();
  await admin.goto(`${liveUrl}/settings`);
  const row = admin.locator(`[data-testid="wall-screen-row"][data-screen-id="${screenId}"]`);
  await expect(row).toContainText('Lobby TV');
  await expect(row).toContainText('Self-care wall');
  await expect(row).toHaveAttribute('data-silent', 'false');

  // The screen is switched off; pretend two hours have passed since its last heartbeat.
  await wall.context().close();
  const db = new BetterSqlite3(path.join(LIVE.dataDir, 'levelboard.db'));
  db.prepare('UPDATE wall_screens SET last_seen_at = ? WHERE screen_id = ?').run(
    Date.now() - 2 * 3_600_000,
    screenId,
  );
  db.close();
  await admin.reload();
  await expect(row).toHaveAttribute('data-silent', 'true');
  await expect(row).toContainText('silent');
  await admin.screenshot({ path: path.join(SCREENSHOTS, 'settings-walls-1440x900.png'), fullPage: true });

  await row.getByRole('button', { name: /forget/i }).click();
  await expect(row).toHaveCount(0);
  await adminContext.close();
});

test('a revoked wall link says so on the screen instead of going blank', async ({ browser, request }) => {
  const link = await createWallLink(request, { name: 'To revoke (wall)' });
  const page = await openWall(browser, link.token, { query: 'views=fleet&poll=1&shift=0' });
  await expect(page.getByTestId('wall-devices').locator('[data-value]')).toBeVisible();
  const revoked = await request.delete(`${liveUrl}/api/admin/share-links/${link.id}`, {
    headers: { Origin: liveUrl },
  });
  expect(revoked.status()).toBe(200);
  await expect(page.getByTestId('wall-refused')).toContainText('no longer valid', { timeout: 15_000 });
  await expect(page.getByTestId('wall-devices').locator('[data-value]')).toBeVisible();
  await page.context().close();
});
