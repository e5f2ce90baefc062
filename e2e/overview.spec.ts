import { expect, test, type Page } from '@playwright/test';
import { simulator } from './support/simulator';

const demo = simulator('demo');

async function tileValue(page: Page, id: string): Promise<number> {
  const value = await page.getByTestId(id).locator('[data-value]').getAttribute('data-value');
  return Number(value);
}

async function tiles(page: Page) {
  return {
    total: await tileValue(page, 'tile-total'),
    online: await tileValue(page, 'tile-online'),
    offline: await tileValue(page, 'tile-offline'),
    maintenance: await tileValue(page, 'tile-maintenance'),
  };
}

test.describe('overview in demo mode', () => {
  test.beforeAll(async () => {
    await demo.freeze(true);
  });
  test.afterAll(async () => {
    await demo.freeze(false);
  });

  test('shows the demo badge and the simulator’s live totals', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('demo-badge')).toHaveText(/Demo data/);
    await expect(page.getByRole('heading', { name: 'Fleet overview' })).toBeVisible();
    await expect
      .poll(async () => (await page.getByTestId('tile-total').locator('[data-value]').count()) > 0)
      .toBe(true);
    await expect
      .poll(async () => JSON.stringify(await tiles(page)))
      .toBe(JSON.stringify((await demo.stats()).devices));
    const stats = await demo.stats();
    for (const severity of ['information', 'warning', 'critical', 'emergency'] as const) {
      await expect(page.getByTestId(`tile-alerts-${severity}`).locator('[data-value]')).toHaveAttribute(
        'data-value',
        String(stats.alerts.active[severity]),
      );
    }
  });

  test('numbers change when a device is flipped in the simulator', async ({ page, request }) => {
    await page.goto('/');
    await expect
      .poll(async () => JSON.stringify(await tiles(page)))
      .toBe(JSON.stringify((await demo.stats()).devices));
    const before = await tiles(page);
    const list = await (await request.get('/api/devices?status=online&limit=1')).json();
    const id: string = list.data[0].id;
    await demo.setDevice(id, { online: false });
    try {
      await expect
        .poll(() => tiles(page))
        .toEqual({ ...before, online: before.online - 1, offline: before.offline + 1 });
    } finally {
      await demo.setDevice(id, { online: true });
    }
  });
});
