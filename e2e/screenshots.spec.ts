import { expect, test } from '@playwright/test';
import path from 'node:path';
import { SCREENSHOTS, demoUrl, liveUrl } from './support/env';
import { startReceiver } from './support/notify-receiver';
import { applyTheme, dashboardPages, type Theme } from './support/pages';
import { createPerson } from './support/people';
import { simulator } from './support/simulator';

// Every page in light and dark, desktop and phone, as artifacts to look at (not compared).
const demo = simulator('demo');
const DIR = SCREENSHOTS;
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
];
const THEMES: Theme[] = ['light', 'dark'];

test.describe('screenshots', () => {
  test.beforeAll(async () => {
    await demo.freeze(true);
  });
  test.afterAll(async () => {
    await demo.freeze(false);
  });

  test('every page, light and dark, 1440×900, 1920×1080 (NOC) and 390×844', async ({ browser, request }) => {
    // Every page in six variants; on a CI machine shared with the other shard it has taken 5 min.
    test.setTimeout(600_000);
    const pages = await dashboardPages(request);
    for (const history of [false, true]) {
      for (const theme of THEMES) {
        for (const viewport of VIEWPORTS) {
          const context = await browser.newContext({ viewport });
          const page = await context.newPage();
          await applyTheme(page, theme);
          for (const target of pages) {
            // The second pass re-shoots the charting pages once more history has been recorded.
            if (history && !['overview', 'device', 'group'].includes(target.name)) continue;
            await page.goto(target.path);
            await target.ready(page);
            await expect(page.locator('html')).toHaveClass(
              new RegExp(theme === 'dark' ? '\\bdark\\b' : '^(?!.*\\bdark\\b)'),
            );
            const file = `${target.name}${history ? '-history' : ''}-${theme}-${viewport.width}x${viewport.height}.png`;
            // The device table renders only the rows in view, so a full-page shot would be mostly blank.
            await page.screenshot({ path: path.join(DIR, file), fullPage: target.name !== 'devices' });
          }
          await context.close();
        }
      }
    }
  });

  test('each role’s header, the account page and a scoped technician’s overview, light and dark, NOC and phone', async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const clients = (await (await request.get(`${demoUrl}/api/fleet/clients`)).json()).clients as {
      id: string;
    }[];
    const people = [
      await createPerson(request, demoUrl, {
        role: 'technician',
        name: 'Tess Technician',
        scope: { kind: 'groups', groupIds: [clients[0]?.id ?? ''] },
      }),
      await createPerson(request, demoUrl, { role: 'viewer', name: 'Vic Viewer' }),
    ];
    for (const person of people) {
      for (const theme of THEMES) {
        for (const viewport of [VIEWPORTS[1], VIEWPORTS[2]]) {
          const context = await browser.newContext({
            viewport,
            baseURL: demoUrl,
            storageState: { cookies: [], origins: [] },
          });
          const [name = '', value = ''] = person.cookie.split(/=(.*)/s);
          await context.addCookies([{ name, value, url: demoUrl }]);
          const page = await context.newPage();
          await applyTheme(page, theme);
          const size = `${viewport?.width}x${viewport?.height}`;
          await page.goto('/');
          await expect(page.getByTestId('tile-total').locator('[data-value]')).toBeVisible();
          await page.screenshot({ path: path.join(DIR, `overview-as-${person.role}-${theme}-${size}.png`) });
          await page.goto('/account');
          await expect(page.getByRole('heading', { name: 'Your sessions' })).toBeVisible();
          await page.screenshot({
            path: path.join(DIR, `account-as-${person.role}-${theme}-${size}.png`),
            fullPage: true,
          });
          await context.close();
        }
      }
    }
  });

  test('admin action dialogs, light and dark, desktop and phone', async ({ browser }) => {
    test.setTimeout(120_000);
    for (const theme of THEMES) {
      for (const viewport of [VIEWPORTS[0], VIEWPORTS[2]]) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        await applyTheme(page, theme);
        const size = `${theme}-${viewport?.width}x${viewport?.height}`;
        await page.goto('/devices?sort=hostname');
        await page.getByTestId('select-device').nth(0).check();
        await page.getByTestId('select-device').nth(1).check();
        await page.screenshot({ path: path.join(DIR, `devices-selected-${size}.png`) });
        await page.getByTestId('bulk-move').click();
        await expect(page.getByTestId('bulk-move-dialog')).toBeVisible();
        await page.screenshot({ path: path.join(DIR, `dialog-bulk-move-${size}.png`) });
        await page.goto('/groups');
        await page.getByTestId('group-row').first().getByTestId('delete-group').click();
        await expect(page.getByTestId('delete-consequences')).toBeVisible();
        await page.screenshot({ path: path.join(DIR, `dialog-delete-group-${size}.png`) });
        await context.close();
      }
    }
  });

  test('Open in Level and device flags (live server), light and dark, 1920×1080 and phone', async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const flagged = await request.get(`${liveUrl}/api/devices?flag=any&limit=1`);
    const device = ((await flagged.json()) as { data: { id: string }[] }).data[0];
    expect(device).toBeDefined();
    const groups = await request.get(`${liveUrl}/api/groups`);
    const parent = ((await groups.json()) as { groups: { id: string; childIds: string[] }[] }).groups.find(
      (group) => group.childIds.length > 0,
    );
    const targets = [
      { name: 'live-device-flagged', path: `/devices/${encodeURIComponent(device?.id ?? '')}`, full: true },
      { name: 'live-devices-flagged', path: '/devices?flag=any', full: false },
      { name: 'live-alerts', path: '/alerts', full: false },
      { name: 'live-group', path: `/groups/${encodeURIComponent(parent?.id ?? '')}`, full: true },
    ];
    for (const theme of THEMES) {
      for (const viewport of [VIEWPORTS[1], VIEWPORTS[2]]) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        await applyTheme(page, theme);
        for (const target of targets) {
          await page.goto(`${liveUrl}${target.path}`);
          await expect(page.getByTestId('freshness')).toBeVisible();
          await page.waitForTimeout(1_500);
          const file = `${target.name}-${theme}-${viewport?.width}x${viewport?.height}.png`;
          await page.screenshot({ path: path.join(DIR, file), fullPage: target.full });
        }
        await context.close();
      }
    }
  });
  test('Settings → Notifications: rules, the rule editor and the delivery log, light and dark, 1920×1080 and phone', async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const receiver = await startReceiver();
    const headers = { Origin: demoUrl };
    const api = async (path: string, data?: unknown) => {
      const response = await request.post(`${demoUrl}/api/admin/notifications${path}`, { headers, data });
      expect(response.ok(), await response.text()).toBe(true);
      return response.json();
    };
    const channel = async (name: string, path: '/ok' | '/fail') =>
      (
        (await api('/channels', {
          kind: 'webhook',
          name,
          config: { url: receiver.url(path) },
          secret: { signingSecret: 'a-screenshot-signing-secret-0123' },
        })) as { channel: { id: string } }
      ).channel.id;
    // Clean shots: what other specs left on this server goes first.
    const base = `${demoUrl}/api/admin/notifications`;
    const left = {
      rules: ((await (await request.get(`${base}/rules`)).json()) as { rules: { id: string }[] }).rules,
      channels: ((await (await request.get(`${base}/channels`)).json()) as { channels: { id: string }[] })
        .channels,
    };
    for (const rule of left.rules) await request.delete(`${base}/rules/${rule.id}`, { headers });
    for (const old of left.channels) await request.delete(`${base}/channels/${old.id}`, { headers });
    const ops = await channel('Teams ops', '/ok');
    const pager = await channel('On-call pager', '/fail');
    for (const id of [ops, pager, ops]) await api(`/channels/${id}/test`);
    const clients = (await (await request.get(`${demoUrl}/api/fleet/clients`)).json()).clients as {
      id: string;
    }[];
    await api('/rules', {
      name: 'Client servers, office hours',
      events: ['alert', 'device_offline'],
      roles: ['server'],
      scope: { kind: 'groups', groupIds: [clients[0]?.id ?? ''] },
      timeZone: 'Europe/Berlin',
      businessHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
      channelIds: [ops],
    });
    await api('/rules', {
      name: 'Night: only what is down',
      events: ['site_down', 'level_unreachable', 'wall_silent'],
      delayMinutes: 10,
      repeatMinutes: 60,
      timeZone: 'Europe/Berlin',
      quietHours: { start: '22:30', end: '06:00' },
      channelIds: [pager, ops],
    });
    try {
      for (const theme of THEMES) {
        for (const viewport of [VIEWPORTS[1], VIEWPORTS[2]]) {
          const context = await browser.newContext({ viewport });
          const page = await context.newPage();
          await applyTheme(page, theme);
          const size = `${theme}-${viewport?.width}x${viewport?.height}`;
          await page.goto('/settings/notifications?tab=rules');
          await expect(page.getByTestId('rule-summary').first()).toContainText('→ Teams ops');
          await page.screenshot({ path: path.join(DIR, `notifications-rules-${size}.png`), fullPage: true });
          await page.getByTestId('rule-row').first().getByRole('button', { name: 'Edit' }).click();
          await expect(page.getByTestId('rule-editor').getByTestId('rule-channels')).toBeVisible();
          await page.screenshot({ path: path.join(DIR, `notifications-rule-editor-${size}.png`) });
          await page.keyboard.press('Escape');
          await page.getByTestId('rule-row').nth(1).getByRole('button', { name: 'Edit' }).click();
          await expect(page.getByTestId('quiet-hours')).toBeVisible();
          await page.getByTestId('quiet-hours').scrollIntoViewIfNeeded();
          await page.screenshot({ path: path.join(DIR, `notifications-rule-editor-quiet-${size}.png`) });
          await page.goto('/settings/notifications?tab=log');
          await expect(page.locator('[data-testid^="delivery-"][data-status]').first()).toBeAttached();
          const phone = (viewport?.width ?? 0) < 768;
          await page
            .getByTestId(phone ? 'delivery-card' : 'delivery-row')
            .filter({ hasText: 'On-call pager' })
            .first()
            .locator('summary')
            .click();
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: path.join(DIR, `notifications-log-${size}.png`), fullPage: true });
          await page.goto('/settings/notifications');
          await expect(page.getByTestId('send-test')).toHaveCount(2);
          for (const button of await page.getByTestId('send-test').all()) await button.click();
          await expect(page.getByTestId('test-answer')).toHaveCount(2);
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({
            path: path.join(DIR, `notifications-channels-${size}.png`),
            fullPage: true,
          });
          await page.getByTestId('channel-row').first().getByRole('button', { name: 'Edit' }).click();
          await expect(page.getByTestId('channel-dialog')).toContainText('Leave empty to keep');
          await page.screenshot({ path: path.join(DIR, `notifications-channel-dialog-${size}.png`) });
          await context.close();
        }
      }
    } finally {
      await receiver.close();
    }
  });
});
