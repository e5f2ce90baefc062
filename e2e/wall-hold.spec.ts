import { expect, test } from '@playwright/test';
import path from 'node:path';
import { SYNC_INTERVAL_SECONDS, liveUrl } from './support/env';
import { simulator } from './support/simulator';
import type { DevicePage } from './support/ui';
import { SCREENSHOTS, createWallLink, openWall, resolveAlert, wallRoot } from './support/wall';

// Alert-driven hold in a real browser against the live server: a new critical alert or a server
// going down takes the screen and keeps it while unresolved; resolution returns to rotation. The
// sound is armed by a click and never repeats for the same problem.
const live = simulator('live');
const ROTATION = 'views=fleet,clients,problems&interval=5&poll=1&shift=0';
/** From the simulator change to the wall: one sync, one poll, some slack on a busy machine. */
const NOTICE_MS = (SYNC_INTERVAL_SECONDS * 2 + 10) * 1_000;

async function onlineDevice(
  request: import('@playwright/test').APIRequestContext,
  role: 'workstation' | 'server',
  skip = 0,
) {
  const page = (await (
    await request.get(`${liveUrl}/api/devices?status=online&role=${role}&alerts=none&limit=50`)
  ).json()) as DevicePage;
  const device = page.data.filter((row) => row.clientId)[skip];
  if (!device) throw new Error(`fixture needs an online ${role} without alerts`);
  return device;
}

test('a new critical alert takes the screen and holds until resolved, then rotation resumes', async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const { token } = await createWallLink(request, { name: 'Hold check', wall: { sound: true } });
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 3840, height: 2160 },
  ]) {
    const page = await openWall(browser, token, { viewport, query: ROTATION });
    await page.locator('[data-wall-root]').click();
    await expect(page.getByTestId('wall-sound')).toHaveAttribute('data-state', 'armed');
    await expect(wallRoot(page)).toHaveAttribute('data-view', 'clients', { timeout: 10_000 });

    const device = await onlineDevice(request, 'workstation', viewport.width === 1920 ? 0 : 1);
    const alert = await live.openAlert({
      device_id: device.id,
      severity: 'critical',
      name: 'Wall hold check',
    });
    try {
      await expect(wallRoot(page)).toHaveAttribute('data-view', 'hold', { timeout: NOTICE_MS });
      const card = page.getByTestId('wall-hold-problem');
      await expect(card).toHaveAttribute('data-device-id', device.id);
      await expect(card).toContainText('Wall hold check');
      await expect(page.getByTestId('wall-client-tile').first()).toHaveAttribute(
        'data-client-id',
        device.clientId ?? '',
      );
      await expect(page.getByTestId('wall-sound')).toHaveAttribute('data-chimes', '1');
      await page.screenshot({
        path: path.join(SCREENSHOTS, `wall-hold-${viewport.width}x${viewport.height}.png`),
      });
      // Three rotation intervals later it still holds.
      await page.waitForTimeout(15_000);
      await expect(wallRoot(page)).toHaveAttribute('data-view', 'hold');
    } finally {
      await resolveAlert(alert.id);
    }
    await expect(wallRoot(page)).not.toHaveAttribute('data-view', 'hold', { timeout: NOTICE_MS });
    const back = await wallRoot(page).getAttribute('data-view');
    expect(['fleet', 'clients', 'problems']).toContain(back);
    // …and rotates again.
    await expect(wallRoot(page)).not.toHaveAttribute('data-view', back ?? '', { timeout: 10_000 });
    await expect(wallRoot(page)).not.toHaveAttribute('data-view', 'hold');
    await page.context().close();
  }
});

test('a server going offline holds the wall until it is back; a flap is held again but never beeps twice', async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const { token } = await createWallLink(request, { name: 'Server check', wall: { sound: true } });
  const page = await openWall(browser, token, { query: `${ROTATION}&highlight=60` });
  await page.locator('[data-wall-root]').click();
  const server = await onlineDevice(request, 'server');
  await wallRoot(page).waitFor();
  await page.waitForTimeout(2_000);
  try {
    await live.setDevice(server.id, { online: false });
    await expect(wallRoot(page)).toHaveAttribute('data-view', 'hold', { timeout: NOTICE_MS });
    await expect(page.getByTestId('wall-hold-problem')).toHaveAttribute('data-device-id', server.id);
    await expect(page.getByTestId('wall-hold-problem')).toHaveAttribute('data-tone', 'offline');
    await expect(page.getByTestId('wall-sound')).toHaveAttribute('data-chimes', '1');

    await live.setDevice(server.id, { online: true });
    await expect(wallRoot(page)).not.toHaveAttribute('data-view', 'hold', { timeout: NOTICE_MS });

    await live.setDevice(server.id, { online: false });
    await expect(wallRoot(page)).toHaveAttribute('data-view', 'hold', { timeout: NOTICE_MS });
    await page.waitForTimeout(2_000);
    await expect(page.getByTestId('wall-sound')).toHaveAttribute('data-chimes', '1');
  } finally {
    await live.setDevice(server.id, { online: true });
  }
  await expect(wallRoot(page)).not.toHaveAttribute('data-view', 'hold', { timeout: NOTICE_MS });
  await page.context().close();
});

test('problems that were there when the wall started do not hold it', async ({ browser, request }) => {
  test.setTimeout(90_000);
  const device = await onlineDevice(request, 'workstation', 2);
  const alert = await live.openAlert({
    device_id: device.id,
    severity: 'emergency',
    name: 'Standing problem',
  });
  try {
    await expect
      .poll(
        async () =>
          (await (await request.get(`${liveUrl}/api/wall/problems`)).json()).problems.map(
            (problem: { deviceId: string }) => problem.deviceId,
          ),
        { timeout: NOTICE_MS },
      )
      .toContain(device.id);
    const { token } = await createWallLink(request, { name: 'Standing check' });
    const page = await openWall(browser, token, { query: 'views=problems,fleet&interval=5&poll=1&shift=0' });
    await expect(page.locator(`[data-testid="wall-problem"][data-device-id="${device.id}"]`)).toHaveAttribute(
      'data-new',
      'false',
    );
    await expect(wallRoot(page)).toHaveAttribute('data-view', 'fleet', { timeout: 10_000 });
    await page.context().close();
  } finally {
    await resolveAlert(alert.id);
  }
});
