import { expect, test } from '@playwright/test';
import path from 'node:path';
import { SCREENSHOTS } from './support/env';
import { applyTheme } from './support/pages';

test('report screenshots', async ({ browser, request }) => {
  test.setTimeout(240_000);
  const { groups } = (await (await request.get('/api/groups')).json()) as { groups: { id: string; parentId: string | null; subtree: { devices: { total: number } } }[] };
  const clients = groups.filter((g) => g.parentId === null).sort((a, b) => a.subtree.devices.total - b.subtree.devices.total);
  const small = clients.find((c) => c.subtree.devices.total >= 5)!;
  const large = clients[clients.length - 1]!;
  const month = new Date().toISOString().slice(0, 7);
  for (const theme of ['light', 'dark'] as const) {
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 390, height: 844 }]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await applyTheme(page, theme);
      for (const [name, url] of [
        ['report-small', `/reports/${small.id}?period=${month}`],
        ['report-large', `/reports/${large.id}?period=${month}`],
        ['report-branding', '/settings/reports/branding'],
      ] as const) {
        await page.goto(url);
        await expect(page.locator('.lb-report').first()).toBeVisible();
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${theme}-${viewport.width}x${viewport.height}.png`), fullPage: true });
      }
      await context.close();
    }
  }
});
