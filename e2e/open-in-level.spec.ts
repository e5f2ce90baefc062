import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoUrl, liveUrl } from './support/env';
import { createLink, openAsTechnician, revokeLink } from './support/links';
import { apiJson } from './support/ui';

// "Open in Level" (issue 16, finding 8): the live server (a real key) links devices and alerts to
// Level's web app (default https://app.level.io/devices/{id}); a redacted share link never does,
// since the URL carries the real device id; demo mode never does (no Level tenant has its devices).

interface Rows<T> {
  data: T[];
}

async function firstAlertDeviceId(request: Parameters<typeof apiJson>[0]): Promise<string> {
  const alerts = await apiJson<Rows<{ deviceId: string }>>(request, `${liveUrl}/api/alerts?limit=1`);
  const deviceId = alerts.data[0]?.deviceId;
  expect(deviceId, 'the live simulator has an active alert').toBeTruthy();
  return deviceId as string;
}

async function expectLevelLink(scope: Page | Locator, deviceId: string) {
  const link = scope.getByTestId('open-in-level').first();
  await expect(link).toHaveAttribute('href', `https://app.level.io/devices/${encodeURIComponent(deviceId)}`);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
}

test('the admin gets Open in Level on the device page, device rows and alert rows', async ({
  page,
  request,
}) => {
  const deviceId = await firstAlertDeviceId(request);
  await page.goto(`${liveUrl}/devices/${encodeURIComponent(deviceId)}`);
  await expect(page.getByTestId('device-identity')).toBeVisible();
  await expectLevelLink(page.getByTestId('device-identity'), deviceId);
  await expect(
    page.getByTestId('device-identity').getByRole('link', { name: 'Open in Level' }),
  ).toBeVisible();

  await page.goto(`${liveUrl}/devices`);
  const firstRow = page.getByTestId('device-table').getByTestId('device-link').first();
  await expect(firstRow).toBeVisible();
  expect(await page.getByTestId('device-table').getByTestId('open-in-level').count()).toBeGreaterThan(0);

  await page.goto(`${liveUrl}/alerts`);
  const item = page.getByTestId('alert-item').first();
  await expect(item).toBeVisible();
  const itemDevice = await item.getByTestId('open-in-level').getAttribute('href');
  expect(itemDevice).toMatch(/^https:\/\/app\.level\.io\/devices\/[^/]+$/);
});

test('a redacted share link shows no Open in Level anywhere; a plain one does', async ({
  browser,
  request,
}) => {
  const deviceId = await firstAlertDeviceId(request);
  const redacted = await createLink(request, { name: 'redacted no level link', redact: true }, liveUrl);
  const plain = await createLink(request, { name: 'plain level link' }, liveUrl);
  try {
    const tech = await openAsTechnician(browser, redacted.token, { baseUrl: liveUrl });
    await tech.goto(`${liveUrl}/devices/${encodeURIComponent(deviceId)}`);
    await expect(tech.getByTestId('device-identity')).toBeVisible();
    await tech.goto(`${liveUrl}/devices`);
    await expect(tech.getByTestId('device-link').first()).toBeVisible();
    await expect(tech.getByTestId('open-in-level')).toHaveCount(0);
    await tech.goto(`${liveUrl}/alerts`);
    await expect(tech.getByTestId('alert-item').first()).toBeVisible();
    await expect(tech.getByTestId('open-in-level')).toHaveCount(0);
    expect(await tech.content()).not.toContain('app.level.io');
    await tech.context().close();

    const viewer = await openAsTechnician(browser, plain.token, { baseUrl: liveUrl });
    await viewer.goto(`${liveUrl}/devices/${encodeURIComponent(deviceId)}`);
    await expectLevelLink(viewer, deviceId);
    await viewer.context().close();
  } finally {
    await revokeLink(request, redacted.id, liveUrl);
    await revokeLink(request, plain.id, liveUrl);
  }
});

test('demo mode shows no Open in Level: its devices exist in no Level tenant', async ({ page, request }) => {
  const devices = await apiJson<Rows<{ id: string }>>(request, `${demoUrl}/api/devices?limit=1`);
  const id = devices.data[0]?.id as string;
  await page.goto(`${demoUrl}/devices/${encodeURIComponent(id)}`);
  await expect(page.getByTestId('device-identity')).toBeVisible();
  await expect(page.getByTestId('open-in-level')).toHaveCount(0);
});
