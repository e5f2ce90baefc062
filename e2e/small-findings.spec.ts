import { expect, test } from '@playwright/test';
import { liveUrl } from './support/env';
import { createLink, openAsTechnician, revokeLink } from './support/links';
import { apiJson, tableReady } from './support/ui';

// Issue 16, item 9: the smaller findings, each checked on the real server.

interface Totals {
  devices: { total: number };
}
interface GroupNode {
  id: string;
  name: string;
  childIds: string[];
  direct: Totals;
  subtree: Totals;
}

test('the overview says loading until the summary answers, never "waiting for first sync"', async ({
  page,
}) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/fleet/summary*', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByTestId('freshness-loading')).toBeVisible();
  await expect(page.getByText('waiting for first sync')).toHaveCount(0);
  release();
  await expect(page.getByTestId('freshness')).toBeVisible();
  await expect(page.getByTestId('freshness-loading')).toHaveCount(0);
});

test('every page has its own tab title, device and group pages their names', async ({ page, request }) => {
  for (const [path, title] of [
    ['/', 'Overview · Levelboard'],
    ['/devices', 'Devices · Levelboard'],
    ['/alerts', 'Alerts · Levelboard'],
    ['/groups', 'Groups · Levelboard'],
    ['/settings', 'Settings · Levelboard'],
  ] as const) {
    await page.goto(path);
    await expect(page).toHaveTitle(title);
  }
  const devices = await apiJson<{ data: { id: string; displayName: string }[] }>(
    request,
    '/api/devices?sort=name&limit=2',
  );
  const [first, second] = devices.data;
  await page.goto(`/devices/${encodeURIComponent(first?.id ?? '')}`);
  await expect(page).toHaveTitle(`${first?.displayName} · Levelboard`);
  // Client-side navigation updates it too (the finding: every tab said "Device").
  await page.goto('/devices?sort=name');
  await tableReady(page, 'sort=name');
  // Live push re-renders the table when a new snapshot arrives; a click that lands mid-render is
  // lost, so it is tried again until the navigation happens.
  await expect(async () => {
    if (!page.url().includes('/devices/')) await page.getByTestId('device-link').nth(1).click();
    await expect(page).toHaveURL(new RegExp(`/devices/${encodeURIComponent(second?.id ?? '')}`), {
      timeout: 3_000,
    });
  }).toPass({ timeout: 20_000 });
  await expect(page).toHaveTitle(`${second?.displayName} · Levelboard`);

  const { groups } = await apiJson<{ groups: GroupNode[] }>(request, '/api/groups');
  const group = groups[0] as GroupNode;
  await page.goto(`/groups/${encodeURIComponent(group.id)}`);
  await expect(page).toHaveTitle(`${group.name} · Levelboard`);
  await page.goto('/devices/no-such-device');
  await expect(page).toHaveTitle('Device not found · Levelboard');
});

test('a redacted link titles a device with its pseudonym, never its name', async ({ browser, request }) => {
  const devices = await apiJson<{ data: { id: string; hostname: string }[] }>(
    request,
    `${liveUrl}/api/devices?limit=1`,
  );
  const device = devices.data[0] as { id: string; hostname: string };
  const link = await createLink(request, { name: 'redacted title', redact: true }, liveUrl);
  try {
    const tech = await openAsTechnician(browser, link.token, { baseUrl: liveUrl });
    await tech.goto(`${liveUrl}/devices/${encodeURIComponent(device.id)}`);
    await expect(tech).toHaveTitle(/^Device [0-9A-F]{6} · Levelboard$/);
    expect(await tech.title()).not.toContain(device.hostname);
    await tech.context().close();
  } finally {
    await revokeLink(request, link.id, liveUrl);
  }
});

test('the overview loads without a console error or a failed request (favicon included)', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto('/');
  await expect(page.getByTestId('freshness')).toBeVisible();
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(icon).toBeTruthy();
  expect((await page.request.get(icon ?? '')).status()).toBe(200);
  // Chromium asks for /favicon.ico only without a <link rel="icon">; give it a moment anyway.
  await page.waitForTimeout(1_000);
  expect(problems).toEqual([]);
});

test('the bulk bar appears only once a device is selected; 1440×900 shows more rows', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/devices?sort=hostname');
  await tableReady(page, 'sort=hostname');
  await expect(page.getByTestId('device-bulk-bar')).toHaveCount(0);
  const inView = await page
    .getByTestId('device-row')
    .evaluateAll(
      (rows) => rows.filter((row) => row.getBoundingClientRect().bottom <= window.innerHeight).length,
    );
  console.log(`device rows fully visible at 1440×900: ${inView}`);
  expect(inView).toBeGreaterThanOrEqual(10);
  await page.getByTestId('select-device').first().check();
  await expect(page.getByTestId('device-bulk-bar')).toBeVisible();
  await expect(page.getByTestId('selected-count')).toHaveAttribute('data-value', '1');
  await page.getByTestId('clear-selection').click();
  await expect(page.getByTestId('device-bulk-bar')).toHaveCount(0);

  // A phone: no bar until selected, and then one compact bar, not a screenful of buttons.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await tableReady(page, 'sort=hostname');
  await expect(page.getByTestId('device-bulk-bar')).toHaveCount(0);
  await page.getByTestId('select-device').first().check();
  const bar = await page.getByTestId('device-bulk-bar').boundingBox();
  console.log(`bulk bar height on a phone: ${bar?.height}px`);
  expect(bar?.height ?? 999).toBeLessThan(844 / 4);
});

test('a group with subgroups has a "directly in this group" row, so the rows add up', async ({
  page,
  request,
}) => {
  const { groups } = await apiJson<{ groups: GroupNode[] }>(request, '/api/groups');
  const byId = new Map(groups.map((group) => [group.id, group]));
  const parent = groups.find((group) => group.childIds.length > 0) as GroupNode;
  expect(parent).toBeDefined();
  await page.goto(`/groups/${encodeURIComponent(parent.id)}`);
  const card = page.getByRole('table', { name: 'Subgroups' });
  const direct = card.getByTestId('group-direct-row');
  await expect(direct).toContainText('Directly in this group');
  const values = await card
    .locator('[role="row"] [data-value]')
    .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
  const childSum = parent.childIds.reduce((sum, id) => sum + (byId.get(id)?.subtree.devices.total ?? 0), 0);
  expect(values.reduce((a, b) => a + b, 0)).toBe(parent.subtree.devices.total);
  expect(childSum + parent.direct.devices.total).toBe(parent.subtree.devices.total);
});

test('alerts: a severity filter does not carry into another tab; select-all says what it covers', async ({
  page,
  request,
}) => {
  await page.goto('/alerts?severity=warning');
  await expect(page.getByTestId('alert-count')).toBeVisible();
  await page.getByTestId('alert-status').getByRole('button', { name: 'Resolved' }).click();
  await expect(page).toHaveURL(/status=resolved/);
  expect(new URL(page.url()).searchParams.get('severity')).toBeNull();

  const active = await apiJson<{ total: number }>(request, '/api/alerts?limit=1');
  await page.goto('/alerts');
  const label = page.getByTestId('alert-selection-label');
  await expect(label).toBeVisible();
  const loaded = await page.getByTestId('select-alert').count();
  if (active.total > loaded) {
    await expect(label).toHaveText(`Select the ${loaded} loaded of ${active.total} active alerts`);
  } else {
    await expect(label).toHaveText(`Select all ${loaded} active alerts shown`);
  }
});

test('colour emoji ship with the app: the emoji font loads from this server', async ({ page }) => {
  const fontRequests: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') fontRequests.push(request.url());
  });
  await page.goto('/');
  const faces = await page.evaluate(
    async () => (await document.fonts.load('16px "Noto Color Emoji"', '🔥')).length,
  );
  expect(faces).toBeGreaterThan(0);
  const origin = new URL(page.url()).origin;
  expect(fontRequests.length).toBeGreaterThan(0);
  expect(fontRequests.every((url) => url.startsWith(origin))).toBe(true);
});
