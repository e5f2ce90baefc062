import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { simulator } from './support/simulator';
import {
  allDevices,
  apiJson,
  deviceTable,
  parseCsv,
  tableReady,
  tableTotal,
  visibleDeviceIds,
  type DevicePage,
} from './support/ui';

const demo = simulator('demo');

test.describe('devices page (demo fleet of 300)', () => {
  test.beforeAll(async () => {
    await demo.freeze(true);
  });
  test.afterAll(async () => {
    await demo.freeze(false);
  });

  test('lists the simulator’s devices in name order, virtualised', async ({ page, request }) => {
    await page.goto('/devices');
    await tableReady(page);
    const expected = await apiJson<DevicePage>(request, '/api/devices?sort=name&limit=30');
    expect(expected.total).toBe((await demo.stats()).devices.total);
    await expect(page.getByTestId('device-count').locator('[data-value]')).toHaveAttribute(
      'data-value',
      String(expected.total),
    );
    expect(await tableTotal(page)).toBe(expected.total);
    const ids = await visibleDeviceIds(page);
    expect(ids.slice(0, 12)).toEqual(expected.data.slice(0, 12).map((device) => device.id));
    // Only the rows near the viewport exist in the DOM.
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.length).toBeLessThan(80);
    const first = expected.data[0];
    const row = page.locator(`[data-device-id="${first?.id}"]`);
    await expect(row.getByTestId('device-link')).toHaveText(first?.displayName ?? '');
    await expect(row.locator('[data-status]').first()).toHaveAttribute('data-status', first?.status ?? '');

    // Scrolling far down renders the rows there (streamed in the background).
    await page.mouse.wheel(0, 56 * 200);
    await expect
      .poll(
        async () =>
          (await visibleDeviceIds(page)).length > 5 && !(await visibleDeviceIds(page)).includes(ids[0] ?? ''),
      )
      .toBe(true);
  });

  test('search, filters and sort change the rows, and the URL round-trips', async ({ page, request }) => {
    await page.goto('/devices');
    await tableReady(page);
    const sample = (await apiJson<DevicePage>(request, '/api/devices?sort=name&limit=100')).data[40];
    const term = (sample?.hostname ?? '').slice(0, 5).toLowerCase();

    await page.keyboard.press('/');
    const search = page.getByTestId('device-search');
    await expect(search).toBeFocused();
    await search.pressSequentially(term, { delay: 20 });
    await tableReady(page, new URLSearchParams({ q: term }).toString());
    const searched = await apiJson<DevicePage>(
      request,
      `/api/devices?q=${encodeURIComponent(term)}&sort=name&limit=40`,
    );
    expect(await tableTotal(page)).toBe(searched.total);
    expect((await visibleDeviceIds(page)).slice(0, 8)).toEqual(searched.data.slice(0, 8).map((d) => d.id));
    await expect(page).toHaveURL(new RegExp(`[?&]q=${term}`));

    await search.fill('');
    await page.getByTestId('filter-status').getByRole('button', { name: 'Offline' }).click();
    await page.getByTestId('filter-status').getByRole('button', { name: 'Maintenance' }).click();
    await tableReady(page, 'status=offline%2Cmaintenance&sort=name');
    await page.getByTestId('sort-lastSeen').click();
    await tableReady(page, 'sort=-lastSeen');
    await expect(page).toHaveURL(/status=offline%2Cmaintenance/);
    await expect(page).toHaveURL(/sort=-lastSeen/);
    const filtered = await apiJson<DevicePage>(
      request,
      '/api/devices?status=offline,maintenance&sort=-lastSeen&limit=40',
    );
    expect(await tableTotal(page)).toBe(filtered.total);
    expect((await visibleDeviceIds(page)).slice(0, 8)).toEqual(filtered.data.slice(0, 8).map((d) => d.id));
    for (const status of await page
      .getByTestId('device-row')
      .locator('[data-status]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-status')))) {
      expect(['offline', 'maintenance']).toContain(status);
    }

    // The same view after a reload: bookmarked and shared links work.
    await page.reload();
    await tableReady(page, 'status=offline%2Cmaintenance&sort=-lastSeen');
    expect(await tableTotal(page)).toBe(filtered.total);
    await expect(page.getByTestId('filter-status').getByRole('button', { name: 'Offline' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByTestId('filter-status').getByRole('button', { name: 'Online' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(page.getByRole('columnheader', { name: /Last seen/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    await page.getByTestId('sort-lastSeen').click();
    await tableReady(page, 'sort=lastSeen');
    await expect(page.getByRole('columnheader', { name: /Last seen/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
  });

  test('a link with every filter opens exactly that view', async ({ page, request }) => {
    const candidates = await allDevices(request, 'sort=name');
    const device = candidates.find((d) => d.tags.length > 0 && d.clientId && d.platform && d.role);
    expect(device, 'a tagged, grouped device in the demo fleet').toBeTruthy();
    if (!device) return;
    const params = new URLSearchParams({
      q: device.hostname.slice(0, 4),
      status: device.status,
      group: device.clientId ?? '',
      tag: device.tags[0] ?? '',
      platform: device.platform ?? '',
      role: device.role ?? '',
      alerts: device.activeAlerts > 0 ? 'any' : 'none',
    });
    await page.goto(`/devices?${params}`);
    await tableReady(page, params.get('group') ?? '');
    const expected = await allDevices(request, `${params}&sort=name`);
    expect(expected.map((d) => d.id)).toContain(device.id);
    expect(await tableTotal(page)).toBe(expected.length);
    expect(await visibleDeviceIds(page)).toEqual(
      expected.map((d) => d.id).slice(0, (await visibleDeviceIds(page)).length),
    );
    await expect(page.getByTestId('device-search')).toHaveValue(params.get('q') ?? '');
    await expect(page.getByTestId('filter-group')).toHaveValue(device.clientId ?? '');
    await expect(page.getByTestId('filter-tag')).toHaveValue(device.tags[0] ?? '');
    await expect(page.getByTestId('filter-alerts')).toHaveValue(params.get('alerts') ?? '');

    await page.getByTestId('clear-filters').click();
    await tableReady(page, 'sort=name');
    await expect(page).toHaveURL(/\/devices$/);
    expect(await tableTotal(page)).toBe(candidates.length);
  });

  test('CSV export holds every matching row, not just the rendered ones', async ({ page, request }) => {
    await page.goto('/devices');
    await tableReady(page);
    const all = await allDevices(request, 'sort=name');
    const rendered = (await visibleDeviceIds(page)).length;
    let download = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]).then(([d]) => d);
    let rows = parseCsv(readFileSync((await download.path()) ?? '', 'utf8'));
    expect(rows[0]?.slice(0, 4)).toEqual(['id', 'name', 'hostname', 'status']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(all.map((d) => d.id));
    expect(rows.length - 1).toBeGreaterThan(rendered);
    expect(download.suggestedFilename()).toMatch(/^levelboard-devices-\d{8}-\d{4}\.csv$/);

    await page.goto('/devices?platform=windows&role=server,workstation&sort=-alerts');
    await tableReady(page, 'platform=windows');
    const filtered = await allDevices(request, 'platform=windows&role=server,workstation&sort=-alerts');
    download = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]).then(([d]) => d);
    rows = parseCsv(readFileSync((await download.path()) ?? '', 'utf8'));
    expect(rows.slice(1).map((row) => row[0])).toEqual(filtered.map((d) => d.id));
    const platformColumn = rows[0]?.indexOf('platform') ?? -1;
    expect(new Set(rows.slice(1).map((row) => row[platformColumn]))).toEqual(new Set(['Windows']));
  });

  test('empty and unknown filters explain themselves', async ({ page }) => {
    await page.goto('/devices?q=zz-no-such-device-zz');
    await expect(page.getByTestId('devices-empty')).toContainText('No devices match these filters');
    await page.getByTestId('devices-empty').getByRole('button', { name: 'Clear filters' }).click();
    await tableReady(page, 'sort=name');

    await page.goto('/devices?tag=no-such-tag-at-all');
    await expect(page.getByText('Nothing matches this filter')).toBeVisible();
    await expect(page.getByText(/No tag with id or name/)).toBeVisible();
  });

  test('works on a phone: filters behind a button, sort from a menu', async ({ page, request }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/devices');
    await tableReady(page);
    await expect(page.getByTestId('filter-status')).toBeHidden();
    await page.getByRole('button', { name: /Filters/ }).click();
    await expect(page.getByTestId('filter-status')).toBeVisible();
    await page.getByTestId('filter-sort').selectOption('-alerts');
    await tableReady(page, 'sort=-alerts');
    const expected = await apiJson<DevicePage>(request, '/api/devices?sort=-alerts&limit=5');
    expect((await visibleDeviceIds(page)).slice(0, 5)).toEqual(expected.data.map((d) => d.id));
    await expect(page.getByRole('navigation', { name: 'Main' }).last()).toBeVisible();
    await expect(deviceTable(page)).toBeVisible();
  });
});
