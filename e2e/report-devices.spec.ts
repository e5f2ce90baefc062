import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import path from 'node:path';
import { ADMIN_STATE, SCREENSHOTS, liveUrl } from './support/env';
import { applyTheme, type Theme } from './support/pages';

// A report's "added" and "removed" devices (issue 20), end to end on the live server: an admin
// moves a device out of its client through Levelboard, the recorder notices at the next sync, and
// this month's report of the old client lists it as removed ("moved out"), the new client's as
// added. Moving it back restores the fleet for the other specs. The current month is used: report
// links (scope-leak) read the previous one, so nothing here reaches them.

interface GroupNode {
  id: string;
  name: string;
  parentId: string | null;
  subtree: { devices: { total: number } };
}

const thisMonth = (now = new Date()) =>
  `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;

/** The report's row for a device in a section ("Added in the period", "Removed in the period"). */
function rowIn(page: Page, section: string, name: string) {
  return page
    .locator('.lb-report h3', { hasText: section })
    .locator('xpath=following-sibling::*[1]')
    .locator('tr', { hasText: name });
}

test('a device moved out of a client is removed from its report and added to the other', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await playwrightRequest.newContext({
    baseURL: liveUrl,
    storageState: ADMIN_STATE,
    extraHTTPHeaders: { Origin: liveUrl },
  });
  const { groups } = (await (await admin.get('/api/groups')).json()) as { groups: GroupNode[] };
  const clients = groups.filter((g) => g.parentId === null && g.subtree.devices.total > 1);
  const [home, away] = clients as [GroupNode, GroupNode];
  if (!home || !away) throw new Error('the live fleet needs two clients');
  const list = await (
    await admin.get(`/api/devices?group=${encodeURIComponent(home.id)}&limit=1&sort=hostname`)
  ).json();
  const device = list.data[0] as { id: string; displayName: string; groupId: string };
  const period = thisMonth();

  const moved = await admin.fetch(`/api/admin/devices/${device.id}`, {
    method: 'PATCH',
    data: { groupId: away.id },
  });
  expect(moved.status(), await moved.text()).toBe(200);
  try {
    const page = await browser.newPage({ baseURL: liveUrl, storageState: ADMIN_STATE });
    // The recorder writes at the next sync (every 5 s here), not at the admin's edit.
    await expect
      .poll(
        async () => {
          await page.goto(`/reports/${home.id}?period=${period}`);
          return rowIn(page, 'Removed in the period', device.displayName).count();
        },
        { timeout: 60_000, intervals: [2_000] },
      )
      .toBe(1);
    await expect(rowIn(page, 'Removed in the period', device.displayName)).toContainText(
      'Moved out of the client',
    );
    // The other client is not named in this client's report.
    await expect(page.locator('.lb-report')).not.toContainText(away.name);

    await page.goto(`/reports/${away.id}?period=${period}`);
    await expect(rowIn(page, 'Added in the period', device.displayName)).toHaveCount(1);
    await expect(rowIn(page, 'Removed in the period', device.displayName)).toHaveCount(0);
    await page.close();

    for (const theme of ['light', 'dark'] as Theme[])
      for (const viewport of [
        { width: 1920, height: 1080 },
        { width: 390, height: 844 },
      ]) {
        const shot = await browser.newPage({ baseURL: liveUrl, storageState: ADMIN_STATE, viewport });
        await applyTheme(shot, theme);
        await shot.goto(`/reports/${home.id}?period=${period}`);
        const devices = shot.locator('.lb-report section[aria-labelledby="rpt-devices"]');
        await devices.scrollIntoViewIfNeeded();
        await devices.screenshot({
          path: path.join(SCREENSHOTS, `report-devices-${theme}-${viewport.width}x${viewport.height}.png`),
        });
        await shot.close();
      }
  } finally {
    const back = await admin.fetch(`/api/admin/devices/${device.id}`, {
      method: 'PATCH',
      data: { groupId: device.groupId },
    });
    expect(back.status()).toBe(200);
    await admin.dispose();
  }
});
