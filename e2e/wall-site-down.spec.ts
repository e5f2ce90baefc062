import { expect, test } from '@playwright/test';
import path from 'node:path';
import { SYNC_INTERVAL_SECONDS, liveUrl } from './support/env';
import { simulator } from './support/simulator';
import type { DevicePage } from './support/ui';
import { SCREENSHOTS, createWallLink, openWall } from './support/wall';

// Site down (issue 16): when most devices of one group go offline within minutes, the wall shows
// one "site down" problem for the group, with the count, not a row per device.
const live = simulator('live');
const NOTICE_MS = (SYNC_INTERVAL_SECONDS * 2 + 10) * 1_000;

interface GroupNode {
  id: string;
  name: string;
  childIds: string[];
  direct: { devices: { total: number; online: number; maintenance: number } };
}

test('a group whose devices go offline together is one "site down" problem on the wall and the dashboard', async ({
  browser,
  request,
  page: dashboard,
}) => {
  test.setTimeout(120_000);
  const { groups } = (await (await request.get(`${liveUrl}/api/groups`)).json()) as { groups: GroupNode[] };
  // A small site with every device online and none in maintenance.
  const site = groups
    .filter((group) => group.childIds.length === 0)
    .filter((group) => group.direct.devices.total >= 5 && group.direct.devices.total <= 15)
    .find((group) => group.direct.devices.online === group.direct.devices.total);
  if (!site) throw new Error('fixture needs a group of 5–15 devices, all online');
  const page0 = (await (
    await request.get(`${liveUrl}/api/devices?group=${site.id}&limit=100`)
  ).json()) as DevicePage;
  const members = page0.data.filter((device) => device.groupId === site.id);
  expect(members.length).toBe(site.direct.devices.total);
  try {
    for (const device of members) await live.setDevice(device.id, { online: false });
    await expect
      .poll(
        async () => {
          const { problems } = (await (await request.get(`${liveUrl}/api/wall/problems`)).json()) as {
            problems: { kind?: string; deviceId: string; site?: { offline: number; monitored: number } }[];
          };
          const ids = new Set(members.map((device) => device.id));
          return {
            site: problems.find((problem) => problem.deviceId === `site:${site.id}`)?.site ?? null,
            rows: problems.filter((problem) => ids.has(problem.deviceId)).length,
          };
        },
        { timeout: NOTICE_MS },
      )
      .toEqual({
        site: {
          groupId: site.id,
          offline: members.length,
          monitored: members.length,
          since: expect.any(String),
        },
        rows: 0,
      });

    const { token } = await createWallLink(request, {
      name: 'Site down check',
      scope: { kind: 'group', groupId: site.id },
    });
    const page = await openWall(browser, token, { query: 'views=problems&shift=0' });
    const row = page.locator(`[data-testid="wall-problem"][data-kind="site_down"]`);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(site.name);
    await expect(row).toContainText(`Site down · ${members.length} of ${members.length} devices offline`);
    await expect(page.getByTestId('wall-problem')).toHaveCount(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'wall-site-down-1920x1080.png') });
    await page.context().close();

    // The admin's overview says it once too.
    await dashboard.goto(`${liveUrl}/`);
    const line = dashboard.getByTestId('site-down').filter({ hasText: site.name });
    await expect(line).toHaveCount(1);
    await expect(line).toContainText(site.name);
    await expect(line).toContainText(`${members.length} of ${members.length} devices offline`);
    await dashboard.screenshot({ path: path.join(SCREENSHOTS, 'overview-site-down.png') });
  } finally {
    for (const device of members) await live.setDevice(device.id, { online: true });
  }
});
