import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
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
import { levelGet, simulator } from './support/simulator';
import { apiJson, tableReady, type DevicePage } from './support/ui';

// The main admin flows in a real browser against the live server and its standalone simulator:
// the page changes at once (optimistic), Level changes for real, and a failure puts it back.

const sim = simulator('live');
test.use({ baseURL: liveUrl });

interface LevelDevice {
  nickname: string | null;
  notes: string | null;
  tags: string[];
  group_id: string | null;
}

async function firstDevices(page: Page, count: number, query = '') {
  return (await apiJson<DevicePage>(page.request, `/api/devices?sort=hostname&limit=${count}${query}`)).data;
}

test.describe('admin actions (UI)', () => {
  test.afterEach(async () => {
    await sim.resetFaults();
  });

  test('device page: rename and notes save to Level and show at once', async ({ page }) => {
    const [device] = await firstDevices(page, 1, '&q=');
    await page.goto(`/devices/${device?.id}`);
    const card = page.getByTestId('device-actions');
    await expect(card).toBeVisible();
    await card.getByTestId('device-nickname').fill('Front desk PC');
    await expect(card.getByTestId('device-notes')).toBeEnabled();
    await card.getByTestId('device-notes').fill('Label on the case says FD-01');
    await card.getByTestId('save-device').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Front desk PC');
    await expect(page.getByTestId('notice-ok')).toContainText('Saved');
    expect(await levelGet<LevelDevice>(`/devices/${device?.id}`)).toMatchObject({
      nickname: 'Front desk PC',
      notes: 'Label on the case says FD-01',
    });
  });

  test('a failed save rolls the page back and says why', async ({ page }) => {
    const [, device] = await firstDevices(page, 2);
    await page.goto(`/devices/${device?.id}`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(device?.displayName ?? '');
    await sim.setFaults({ errorRate: 1 });
    await page.getByTestId('device-nickname').fill('Never saved');
    await page.getByTestId('save-device').click();
    await expect(page.getByTestId('notice-error')).toContainText('Saving the device failed');
    await expect(heading).toHaveText(device?.displayName ?? '');
    await sim.resetFaults();
    expect((await levelGet<LevelDevice>(`/devices/${device?.id}`)).nickname).not.toBe('Never saved');
  });

  test('devices table: select devices and tag them in bulk', async ({ page }) => {
    const tagName = `UI bulk ${Date.now().toString(36)}`;
    const created = await page.request.post('/api/admin/tags', {
      data: { name: tagName },
      headers: { Origin: liveUrl },
    });
    expect(created.status()).toBe(201);
    await page.goto('/devices?sort=hostname');
    await tableReady(page, 'sort=hostname');
    const rows = page.getByTestId('device-row');
    const ids: string[] = [];
    for (const index of [0, 1, 2]) {
      const row = rows.nth(index);
      ids.push((await row.getAttribute('data-device-id')) ?? '');
      await row.getByTestId('select-device').check();
    }
    await expect(page.getByTestId('selected-count')).toHaveAttribute('data-value', '3');
    await page.getByTestId('bulk-tag-add').click();
    const dialog = page.getByTestId('bulk-tag-add-dialog');
    await expect(dialog).toContainText('3 devices');
    await dialog.getByTestId('bulk-tag-select').selectOption({ label: tagName });
    await dialog.getByTestId('confirm-action').click();
    await expect(page.getByTestId('notice-ok')).toContainText(`Tagged “${tagName}” on 3 devices`);
    for (const id of ids) expect((await levelGet<LevelDevice>(`/devices/${id}`)).tags).toContain(tagName);
  });

  test('alerts page: resolve one alert after confirming', async ({ page }) => {
    const [device] = await firstDevices(page, 1, '&status=online');
    const alert = await sim.openAlert({
      device_id: device?.id ?? '',
      severity: 'emergency',
      name: 'UI resolve me',
    });
    await page.goto('/alerts?q=UI%20resolve%20me');
    const item = page.locator(`[data-alert-id="${alert.id}"]`);
    await expect(item).toBeVisible({ timeout: 30_000 });
    await item.getByTestId('resolve-alert').click();
    const dialog = page.getByTestId('resolve-alert-dialog');
    await expect(dialog).toContainText('UI resolve me');
    await dialog.getByTestId('confirm-action').click();
    await expect(item).toHaveCount(0);
    await expect(page.getByTestId('notice-ok')).toContainText('Resolved 1 alert');
    expect((await levelGet<{ is_resolved: boolean }>(`/alerts/${alert.id}`)).is_resolved).toBe(true);
  });

  test('groups: create, rename keeps its place, delete states the consequences', async ({ page }) => {
    await page.goto('/groups');
    await page.getByTestId('new-group').click();
    const create = page.getByTestId('new-group-dialog');
    await create.getByTestId('group-name-input').fill('UI Test Client');
    await create.getByTestId('confirm-action').click();
    const row = page.getByTestId('group-row').filter({ hasText: 'UI Test Client' });
    await expect(row).toBeVisible();
    const groupId = (await row.getAttribute('data-group-id')) ?? '';

    await row.getByTestId('rename-group').click();
    const rename = page.getByTestId('rename-group-dialog');
    await rename.getByTestId('group-name-input').fill('UI Test Client Renamed');
    await rename.getByTestId('confirm-action').click();
    await expect(page.getByTestId('group-row').filter({ hasText: 'UI Test Client Renamed' })).toBeVisible();
    // The row shows the new name at once (optimistic); Level has it once the notice says so.
    await expect(
      page.getByTestId('notice-ok').filter({ hasText: 'Renamed to “UI Test Client Renamed”' }),
    ).toBeVisible();
    expect(await levelGet<{ name: string; parent_id: string | null }>(`/groups/${groupId}`)).toMatchObject({
      name: 'UI Test Client Renamed',
      parent_id: null,
    });

    await page
      .getByTestId('group-row')
      .filter({ hasText: 'UI Test Client Renamed' })
      .getByTestId('delete-group')
      .click();
    const remove = page.getByTestId('delete-group-dialog');
    await expect(remove.getByTestId('delete-consequences')).toContainText('No devices are directly in it');
    await remove.getByTestId('confirm-action').click();
    await expect(page.getByTestId('group-row').filter({ hasText: 'UI Test Client Renamed' })).toHaveCount(0);
    await expect(
      page.getByTestId('notice-ok').filter({ hasText: 'Deleted “UI Test Client Renamed”' }),
    ).toBeVisible();
    const gone = await fetch(`${simulatorOrigin}/v2/groups/${groupId}`, {
      headers: { Authorization: process.env.E2E_LEVEL_KEY ?? '' },
    });
    expect(gone.status).toBe(404);
  });

  test('device page: run an automation, with the device count named', async ({ page }) => {
    const [device] = await firstDevices(page, 1);
    await page.goto(`/devices/${device?.id}`);
    await page.getByTestId('run-automation').click();
    const dialog = page.getByTestId('run-automation-dialog');
    const select = dialog.getByTestId('automation-select');
    await expect(select.locator('option:not([disabled])')).not.toHaveCount(1);
    const option = await select.locator('option:not([disabled])').nth(1).textContent();
    await select.selectOption({ label: option ?? '' });
    await expect(dialog.getByTestId('automation-scope')).toContainText('1 device');
    await expect(dialog.getByTestId('confirm-action')).toHaveText('Run on 1 device');
    await dialog.getByTestId('confirm-action').click();
    await expect(page.getByTestId('notice-ok')).toContainText(`Started “${option}” on 1 device`);
  });

  test('a viewer sees no action controls', async ({ browser, page }) => {
    const created = await page.request.post('/api/admin/share-links', {
      data: { name: 'UI viewer', kind: 'viewer', scope: { kind: 'fleet' }, expiresInHours: 1 },
      headers: { Origin: liveUrl },
    });
    const { token } = (await created.json()) as { token: string };
    appendFileSync(path.join(ARTIFACTS, 'share-tokens.txt'), `${token}\n`);
    const context = await browser.newContext({
      baseURL: liveUrl,
      storageState: { cookies: [], origins: [] },
    });
    const viewer = await context.newPage();
    await viewer.goto(`/s/${token}`);
    const [device] = await firstDevices(page, 1);
    await viewer.goto(`/devices/${device?.id}`);
    await expect(viewer.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(viewer.getByTestId('device-alerts')).toBeVisible();
    await expect(viewer.getByTestId('device-actions')).toHaveCount(0);
    await viewer.goto('/devices');
    await expect(viewer.getByTestId('device-table')).toBeVisible();
    await expect(viewer.getByTestId('select-device')).toHaveCount(0);
    await expect(viewer.getByTestId('device-bulk-bar')).toHaveCount(0);
    await viewer.goto('/groups');
    await expect(viewer.getByTestId('group-tree')).toBeVisible();
    await expect(viewer.getByTestId('group-actions')).toHaveCount(0);
    await context.close();
  });

  test('with a read-only key the actions are disabled and say why', async ({ browser }) => {
    const port = EXTRA_PORTS[3] ?? 0;
    const server = await startServer('read-only-ui', port, {
      ...SHARED_SERVER_ENV,
      LEVEL_API_KEY: LEVEL_READONLY_KEY,
      LEVEL_API_URL: `${simulatorOrigin}/v2`,
      SYNC_INTERVAL_SECONDS: '5',
    });
    try {
      const context = await browser.newContext({ baseURL: server.url, storageState: ADMIN_STATE });
      const page = await context.newPage();
      const api = await playwrightRequest.newContext({ baseURL: server.url, storageState: ADMIN_STATE });
      await expect
        .poll(async () => (await api.get('/api/fleet/summary')).status(), { timeout: 30_000 })
        .toBe(200);
      const [device] = (await apiJson<DevicePage>(api, '/api/devices?limit=1')).data;
      await page.goto(`/devices/${device?.id}`);
      await expect(page.getByTestId('read-only-notice')).toContainText('This API key is read-only in Level');
      await expect(page.getByTestId('run-automation')).toBeDisabled();
      await expect(page.getByTestId('device-nickname')).toBeDisabled();
      await page.goto('/manage');
      await expect(page.getByTestId('read-only-notice').first()).toBeVisible();
      await expect(page.getByTestId('create-tag')).toBeDisabled();
      await context.close();
      await api.dispose();
    } finally {
      await server.kill();
    }
  });
});
