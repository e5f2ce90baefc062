import { expect, test } from '@playwright/test';
import { allDevices, apiJson, tableReady, tableTotal, visibleDeviceIds } from './support/ui';

// Level's device flag (issue 16, item 9): shown on the device page and in the table, filterable
// through /api/devices?flag=any|none|<text> and the devices page's "Level flag" filter.

type Flagged = { id: string; flag: string | null };

test('the API filters by flag: flagged, not flagged, one flag in any case', async ({ request }) => {
  const everyone = (await allDevices(request, 'sort=name')) as unknown as Flagged[];
  const flagged = (await allDevices(request, 'flag=any')) as unknown as Flagged[];
  expect(flagged.length).toBeGreaterThan(0);
  expect(flagged.length).toBe(everyone.filter((device) => device.flag !== null).length);
  expect(flagged.every((device) => typeof device.flag === 'string')).toBe(true);
  const none = await apiJson<{ total: number }>(request, '/api/devices?flag=none&limit=1');
  expect(none.total).toBe(everyone.length - flagged.length);

  const one = flagged[0]?.flag as string;
  const matching = (await allDevices(
    request,
    `flag=${encodeURIComponent(one.toLowerCase())}`,
  )) as unknown as Flagged[];
  expect(matching.map((device) => device.id).sort()).toEqual(
    everyone
      .filter((device) => device.flag === one)
      .map((device) => device.id)
      .sort(),
  );
  expect((await request.get(`/api/devices?flag=${'x'.repeat(201)}`)).status()).toBe(400);
});

test('the devices page filters by flag and shows it in a column and on the device page', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const flagged = (await allDevices(request, 'flag=any&sort=name')) as unknown as Flagged[];
  await page.goto('/devices');
  await tableReady(page);
  await page.getByTestId('filter-flag').selectOption('any');
  await expect(page).toHaveURL(/[?&]flag=any/);
  await tableReady(page, 'flag=any');
  expect(await tableTotal(page)).toBe(flagged.length);
  const first = flagged[0] as Flagged;
  const row = page.locator(`[data-testid="device-row"][data-device-id="${first.id}"]`);
  await expect(row.getByTestId('device-flag')).toHaveText(first.flag as string);

  // The loaded rows offer their flags as choices.
  await page.getByTestId('filter-flag').selectOption(first.flag as string);
  await tableReady(page, `flag=${encodeURIComponent(first.flag as string).replace(/%20/g, '+')}`);
  const ids = await visibleDeviceIds(page);
  expect(ids).toEqual(flagged.filter((device) => device.flag === first.flag).map((device) => device.id));

  await page.goto(`/devices/${encodeURIComponent(first.id)}`);
  const badge = page.getByTestId('device-identity').getByTestId('device-flag');
  await expect(badge).toContainText(first.flag as string);
  await expect(badge).toHaveAttribute('href', `/devices?flag=${encodeURIComponent(first.flag as string)}`);
});
