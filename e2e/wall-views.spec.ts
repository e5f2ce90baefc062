import AxeBuilder from '@axe-core/playwright';
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import path from 'node:path';
import { ADMIN_STATE, liveUrl } from './support/env';
import { simulator } from './support/simulator';
import type { DevicePage } from './support/ui';
import {
  SCREENSHOTS,
  createWallLink,
  expectNoOverflow,
  openWall,
  resolveAlert,
  wallRoot,
} from './support/wall';

// The wall's four views against the live server (simulator data), at the resolutions walls have:
// what they show matches the API, nothing overflows, and axe finds nothing serious. Screenshots
// are saved for people to look at.
const live = simulator('live');
const VIEWS = ['fleet', 'clients', 'problems', 'history'] as const;
const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 1366, height: 768 },
];

let token = '';
const opened: string[] = [];
let downed: string | null = null;

test.beforeAll(async () => {
  const admin = await playwrightRequest.newContext({ storageState: ADMIN_STATE });
  ({ token } = await createWallLink(admin, { name: 'NOC wall (views)', wall: { intervalSeconds: 600 } }));
  // Some problems to show: a critical alert, an emergency and a server down.
  const devices = (await (
    await admin.get(`${liveUrl}/api/devices?status=online&limit=500`)
  ).json()) as DevicePage;
  const workstations = devices.data.filter((device) => device.role === 'workstation');
  const server = devices.data.find((device) => device.role === 'server' && device.clientId);
  for (const [index, severity] of (['critical', 'emergency'] as const).entries()) {
    const device = workstations[index * 5];
    if (!device) throw new Error('fixture needs online workstations');
    opened.push(
      (await live.openAlert({ device_id: device.id, severity, name: `Wall view check ${index}` })).id,
    );
  }
  if (server) {
    await live.setDevice(server.id, { online: false });
    downed = server.id;
  }
  // Wait for these very problems (not just a count: earlier specs' problems may linger a sync).
  const expected = [...opened.map((id) => `alert:${id}`), ...(downed ? [`offline:${downed}`] : [])];
  await expect
    .poll(
      async () => {
        const { problems } = (await (await admin.get(`${liveUrl}/api/wall/problems`)).json()) as {
          problems: { deviceId: string; offline: unknown; alerts: { id: string }[] }[];
        };
        const keys = new Set(
          problems.flatMap((problem) => [
            ...problem.alerts.map((alert) => `alert:${alert.id}`),
            ...(problem.offline ? [`offline:${problem.deviceId}`] : []),
          ]),
        );
        return expected.filter((key) => !keys.has(key));
      },
      { timeout: 30_000 },
    )
    .toEqual([]);
  await admin.dispose();
});

test.afterAll(async () => {
  for (const id of opened) await resolveAlert(id).catch(() => {});
  if (downed) await live.setDevice(downed, { online: true });
});

async function viewReady(page: Page, view: (typeof VIEWS)[number]): Promise<void> {
  await expect(wallRoot(page)).toHaveAttribute('data-view', view);
  const api = page.context().request;
  if (view === 'fleet') {
    const summary = await (await api.get(`${liveUrl}/api/fleet/summary`)).json();
    await expect(page.getByTestId('wall-devices').locator('[data-value]')).toHaveAttribute(
      'data-value',
      summary.devices.total.toLocaleString('en-US'),
    );
  } else if (view === 'clients') {
    const { clients } = await (await api.get(`${liveUrl}/api/fleet/clients`)).json();
    // As many tiles as fit at a legible size (lib/wall/grid.ts tileCapacity), the rest folded.
    await expect(page.getByTestId('wall-client-tile').first()).toBeVisible();
    const tiles = await page.getByTestId('wall-client-tile').count();
    if (tiles < clients.length)
      await expect(page.getByTestId('wall-client-folded')).toContainText(`+ ${clients.length - tiles} more`);
    else expect(tiles).toBe(clients.length);
  } else if (view === 'problems') {
    const problems = await (await api.get(`${liveUrl}/api/wall/problems`)).json();
    await expect(page.getByTestId('wall-problem-count')).toHaveAttribute(
      'data-count',
      String(problems.total),
    );
    await expect(page.getByTestId('wall-problem')).toHaveCount(Math.min(problems.total, 8));
  } else {
    await expect(page.getByTestId('wall-history')).toBeVisible();
    await expect(page.getByTestId('chart-skeleton')).toHaveCount(0);
  }
}

for (const viewport of VIEWPORTS) {
  test(`every view renders without overflow at ${viewport.width}×${viewport.height}`, async ({ browser }) => {
    test.setTimeout(120_000);
    const themes = viewport.width === 1920 ? (['dark', 'light'] as const) : (['dark'] as const);
    const page = await openWall(browser, token, { viewport, query: 'shift=0' });
    for (const theme of themes) {
      for (const view of VIEWS) {
        await page.goto(`${liveUrl}/wall?views=${view}&shift=0&theme=${theme}`);
        await viewReady(page, view);
        await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        await expectNoOverflow(page);
        const name = `wall-${view}${theme === 'light' ? '-light' : ''}-${viewport.width}x${viewport.height}.png`;
        await page.screenshot({ path: path.join(SCREENSHOTS, name) });
      }
    }
    await page.context().close();
  });
}

for (const viewport of VIEWPORTS.slice(0, 2)) {
  test(`the rotation advances through the chosen views on its interval at ${viewport.width}×${viewport.height}`, async ({
    browser,
  }) => {
    test.setTimeout(60_000);
    const page = await openWall(browser, token, {
      viewport,
      query: 'views=problems,fleet,clients&interval=5&shift=0',
    });
    // The problems view stays one interval per page of eight (issue 16: it pages through all).
    const { problems } = (await (
      await page.context().request.get(`${liveUrl}/api/wall/problems`)
    ).json()) as {
      problems: unknown[];
    };
    const problemPages = Math.max(1, Math.ceil(problems.length / 8));
    const seen: string[] = [];
    for (const view of ['problems', 'fleet', 'clients', 'problems']) {
      const after = seen.at(-1) === 'problems' ? problemPages : 1;
      await expect(wallRoot(page)).toHaveAttribute('data-view', view, { timeout: 4_000 + after * 5_000 });
      await expect(page.locator('[aria-label="Rotation"] [aria-current="step"]')).toHaveText(
        { problems: 'Problems', fleet: 'Fleet status', clients: 'Client health' }[view] ?? '',
      );
      seen.push(view);
    }
    expect(seen).toEqual(['problems', 'fleet', 'clients', 'problems']);
    await page.context().close();
  });
}

test('a wall for a device list shows fleet and problems only', async ({ browser, request }) => {
  const devices = (await (await request.get(`${liveUrl}/api/devices?limit=3`)).json()) as DevicePage;
  const { token: listToken } = await createWallLink(request, {
    name: 'Three devices',
    scope: { kind: 'devices', deviceIds: devices.data.map((device) => device.id) },
    wall: { views: ['clients', 'history', 'fleet'], intervalSeconds: 5 },
  });
  const page = await openWall(browser, listToken, { query: 'shift=0' });
  await expect(page.getByTestId('wall-devices').locator('[data-value]')).toHaveAttribute('data-value', '3');
  await expect(page.getByLabel('Rotation').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('wall-title')).toHaveText('Three devices');
  await page.context().close();
});

test('axe finds no serious or critical violations on any view, dark or light', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await openWall(browser, token, { query: 'shift=0' });
  const found: Record<string, unknown> = {};
  for (const theme of ['dark', 'light']) {
    for (const view of VIEWS) {
      await page.goto(`${liveUrl}/wall?views=${view}&shift=0&theme=${theme}`);
      await viewReady(page, view);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => ({
          rule: violation.id,
          nodes: violation.nodes
            .slice(0, 3)
            .map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
        }));
      if (serious.length) found[`${view}-${theme}`] = serious;
    }
  }
  expect(found).toEqual({});
  await page.context().close();
});
