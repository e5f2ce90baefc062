import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ARTIFACTS, demoUrl } from './support/env';
import { createLink, linkRow, rememberToken, revokeLink } from './support/links';
import { applyTheme, type Theme } from './support/pages';
import { simulator } from './support/simulator';
import { apiJson, type DevicePage } from './support/ui';

// The link-management screens in light and dark, NOC and phone size, as artifacts to look at.
const demo = simulator('demo');
const DIR = path.join(ARTIFACTS, 'screenshots');
const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
];
const THEMES: Theme[] = ['light', 'dark'];

test.describe('link management screenshots', () => {
  test.beforeAll(async () => {
    await demo.freeze(true);
  });
  test.afterAll(async () => {
    await demo.freeze(false);
  });

  test('settings, dialogs, the technician strip, the revoked notice and the login page', async ({
    browser,
    request,
  }) => {
    test.setTimeout(300_000);
    const device = (await apiJson<DevicePage>(request, '/api/devices?sort=name&limit=1')).data[0];
    const { groups } = await apiJson<{ groups: { id: string; depth: number; name: string }[] }>(
      request,
      '/api/groups',
    );
    const client = groups.find((group) => group.depth === 0);
    if (!device || !client) throw new Error('fixture needs a device and a client');
    const wall = await createLink(request, {
      name: 'Lobby screen',
      kind: 'wall',
      expiresInHours: null,
      wall: { views: ['fleet', 'problems'], intervalSeconds: 30 },
    });
    for (const theme of THEMES) {
      for (const viewport of VIEWPORTS) {
        const size = `${theme}-${viewport.width}x${viewport.height}`;
        const shot = (name: string) => path.join(DIR, `links-${name}-${size}.png`);
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        await applyTheme(page, theme);
        await page.goto('/settings');
        await page.getByLabel('Name', { exact: true }).fill(`Picked devices ${size}`);
        await page.locator('select[name="scopeKind"]').selectOption('devices');
        const picker = page.getByTestId('device-picker');
        await picker.getByTestId('device-search').fill(device.displayName);
        await picker.getByTestId('device-option').first().click();
        await picker.getByTestId('device-search').fill(device.displayName.slice(0, 4));
        // The new search's answer, not the previous one (one device) kept while it loads.
        await expect(picker.getByTestId('device-option').nth(1)).toBeVisible();
        await page.getByTestId('device-picker').scrollIntoViewIfNeeded();
        await page.screenshot({ path: shot('picker') });
        await page.getByRole('button', { name: 'Create link' }).click();
        await expect(page.getByTestId('new-link-qr')).toBeVisible();
        rememberToken((await page.getByTestId('new-link-url').inputValue()).split('/s/')[1] ?? '');
        await page.getByTestId('new-link').scrollIntoViewIfNeeded();
        await page.screenshot({ path: shot('new-link') });
        await page.screenshot({ path: shot('settings-full'), fullPage: true });
        await page.getByRole('region', { name: 'Audit log' }).screenshot({ path: shot('audit') });
        await page.getByTestId('share-links-table').screenshot({ path: shot('list') });

        const row = linkRow(page, `Picked devices ${size}`);
        await row.getByRole('button', { name: /^Revoke/ }).click();
        await expect(page.getByTestId('revoke-link-dialog')).toBeVisible();
        await page.screenshot({ path: shot('dialog-revoke') });
        await page.getByTestId('revoke-link-dialog').getByRole('button', { name: 'Cancel' }).click();

        await linkRow(page, wall.name)
          .getByRole('button', { name: /^Edit wall settings/ })
          .click();
        await expect(page.getByTestId('edit-wall-link-dialog')).toBeVisible();
        await page.screenshot({ path: shot('dialog-edit-wall') });
        await page.getByTestId('edit-wall-link-dialog').getByRole('button', { name: 'Cancel' }).click();
        await context.close();

        const link = await createLink(request, {
          name: `${client.name} on-site tech`,
          scope: { kind: 'group', groupId: client.id },
          redact: true,
          expiresInHours: 72,
        });
        const techContext = await browser.newContext({
          viewport,
          storageState: { cookies: [], origins: [] },
        });
        const tech = await techContext.newPage();
        await applyTheme(tech, theme);
        await tech.goto(`${demoUrl}/s/${link.token}`);
        await expect(tech.getByTestId('shared-view-details')).toBeVisible();
        await expect(tech.getByTestId('tile-total').locator('[data-value]')).toBeVisible();
        await expect(tech.getByTestId('chart-skeleton')).toHaveCount(0);
        await tech.screenshot({ path: shot('tech-overview') });
        await revokeLink(request, link.id);
        await expect(tech.getByTestId('session-ended')).toBeVisible({ timeout: 17_000 });
        await tech.screenshot({ path: shot('tech-revoked') });
        await tech.goto(`${demoUrl}/login`);
        await tech.screenshot({ path: shot('login') });
        await techContext.close();
      }
    }
  });
});
