import { expect, test } from '@playwright/test';
import path from 'node:path';
import { SCREENSHOTS, SYNC_INTERVAL_SECONDS, liveUrl } from './support/env';
import { simulator } from './support/simulator';
import { tableReady, tableTotal } from './support/ui';

const live = simulator('live');

test('the overview keeps its numbers and says so when Level fails, and recovers by itself', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(liveUrl);
  await expect(page.getByTestId('tile-total').locator('[data-value]')).toBeVisible();
  const total = await page.getByTestId('tile-total').locator('[data-value]').getAttribute('data-value');
  await live.setFaults({ errorRate: 1 });
  try {
    await expect(page.getByTestId('stale-banner')).toContainText('Level unreachable since', {
      timeout: (SYNC_INTERVAL_SECONDS * 3 + 15) * 1000,
    });
    await expect(page.getByTestId('tile-total').locator('[data-value]')).toHaveAttribute(
      'data-value',
      total ?? '',
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview-stale.png'), fullPage: true });
  } finally {
    await live.resetFaults();
  }
  await expect(page.getByTestId('stale-banner')).toHaveCount(0, { timeout: 60_000 });
});

test('every page keeps its data and shows the stale state while Level fails, then recovers', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const list = await (await request.get(`${liveUrl}/api/devices?sort=-hostname&limit=1`)).json();
  const device = list.data[0] as { id: string; displayName: string };
  await page.goto(`${liveUrl}/devices`);
  await tableReady(page);
  const total = await tableTotal(page);
  await live.setFaults({ errorRate: 1 });
  try {
    await expect(page.getByTestId('stale-banner')).toContainText('showing last data', {
      timeout: (SYNC_INTERVAL_SECONDS * 3 + 15) * 1000,
    });
    await expect(page.getByTestId('freshness')).toContainText('(stale)');
    expect(await tableTotal(page)).toBe(total);
    await expect(page.getByTestId('device-row').first()).toBeVisible();

    // A device whose detail must come from Level now: the page still shows what the sync knew.
    await page.goto(`${liveUrl}/devices/${device.id}`);
    await expect(page.getByTestId('stale-banner')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(device.displayName);
    await expect(page.getByTestId('detail-error')).toContainText('Level did not return', { timeout: 60_000 });

    for (const [path, ready] of [
      ['/groups', 'group-tree'],
      ['/alerts', 'alert-list'],
    ] as const) {
      await page.goto(`${liveUrl}${path}`);
      await expect(page.getByTestId('stale-banner')).toBeVisible();
      await expect(page.getByTestId(ready)).toBeVisible();
    }
  } finally {
    await live.resetFaults();
  }
  await expect(page.getByTestId('stale-banner')).toHaveCount(0, { timeout: 60_000 });
  await page.goto(`${liveUrl}/devices`);
  await tableReady(page);
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
});
