import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import path from 'node:path';
import { ADMIN_STATE, liveUrl } from './support/env';
import { simulator } from './support/simulator';
import type { DevicePage } from './support/ui';
import { SCREENSHOTS, createWallLink, openWall, resolveAlert, wallRoot } from './support/wall';

// The wall's problems, severity first and paged (issue 16): an emergency opened last, on a device
// whose critical is older, still leads; the view pages through every problem on its timer and
// says how many there are.
const live = simulator('live');
const ROWS = 8;
const RANK = { emergency: 50, critical: 40, offline: 30 } as const;

interface Problem {
  deviceId: string;
  offline: { since: string | null } | null;
  alerts: { id: string; severity: 'emergency' | 'critical'; startedAt: string | null }[];
  since: string | null;
}

const rankOf = (problem: Problem) =>
  Math.max(problem.offline ? RANK.offline : 0, ...problem.alerts.map((alert) => RANK[alert.severity]));

let token = '';
let emergencyDevice = '';
const opened: string[] = [];

async function problems(api: APIRequestContext) {
  return (await (await api.get(`${liveUrl}/api/wall/problems`)).json()) as {
    problems: Problem[];
    total: number;
  };
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const admin = await playwrightRequest.newContext({ storageState: ADMIN_STATE });
  ({ token } = await createWallLink(admin, { name: 'NOC wall (order)', wall: { intervalSeconds: 600 } }));
  const devices = (await (
    await admin.get(`${liveUrl}/api/devices?status=online&role=workstation&alerts=none&limit=100`)
  ).json()) as DevicePage;
  const free = devices.data.filter((device) => device.clientId);
  // Enough criticals of our own for two pages, whatever else is listed: the count before is no
  // guide (an earlier spec's resolved alerts may still be in the snapshot until the next sync).
  // The first device gets the oldest critical and, last of all, an emergency.
  const need = ROWS + 1;
  for (const [index, device] of free.slice(0, need).entries()) {
    opened.push(
      (await live.openAlert({ device_id: device.id, severity: 'critical', name: `Order check ${index}` })).id,
    );
  }
  emergencyDevice = free[0]?.id ?? '';
  opened.push(
    (
      await live.openAlert({
        device_id: emergencyDevice,
        severity: 'emergency',
        name: 'Order check emergency',
      })
    ).id,
  );
  await expect
    .poll(
      async () => {
        const keys = new Set((await problems(admin)).problems.flatMap((p) => p.alerts.map((a) => a.id)));
        return opened.filter((id) => !keys.has(id));
      },
      { timeout: 30_000 },
    )
    .toEqual([]);
  await admin.dispose();
});

test.afterAll(async () => {
  for (const id of opened) await resolveAlert(id).catch(() => {});
});

test('the API lists problems severity first, oldest first within a rank, and counts them all', async ({
  request,
}) => {
  const { problems: list, total } = await problems(request);
  expect(total).toBeGreaterThan(ROWS);
  expect(list.length).toBe(Math.min(total, 200));
  const facts = list.map((problem) => ({
    rank: rankOf(problem),
    since: Date.parse(problem.since ?? '') || null,
  }));
  for (let n = 1; n < facts.length; n += 1) {
    const [before, after] = [facts[n - 1], facts[n]];
    if (!before || !after) continue;
    expect(before.rank).toBeGreaterThanOrEqual(after.rank);
    if (before.rank === after.rank && before.since && after.since)
      expect(before.since).toBeLessThanOrEqual(after.since);
  }
  const ours = list.findIndex((problem) => problem.deviceId === emergencyDevice);
  const firstNonEmergency = facts.findIndex((fact) => fact.rank < RANK.emergency);
  expect(ours).toBeGreaterThanOrEqual(0);
  expect(ours).toBeLessThan(firstNonEmergency);
});

test('the problems view opens on the worst, pages through every problem on its timer and says how many', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const page = await openWall(browser, token, { query: 'views=problems,fleet&interval=5&shift=0' });
  await expect(wallRoot(page)).toHaveAttribute('data-view', 'problems');
  const { problems: list, total } = await problems(request);
  const pages = Math.ceil(list.length / ROWS);
  const indicator = page.getByTestId('wall-problem-page');
  await expect(indicator).toHaveAttribute('data-pages', String(pages));
  await expect(indicator).toHaveAttribute('data-page', '1');
  await expect(indicator).toHaveText(`page 1 of ${pages}`);
  await expect(page.getByTestId('wall-problem-count')).toContainText(
    `${total.toLocaleString('en-US')} problems`,
  );
  await expect(page.getByTestId('wall-problem-count')).toContainText('most severe first');
  const first = page.getByTestId('wall-problem').first();
  await expect(first).toHaveAttribute('data-tone', 'emergency');
  const rows = page.getByTestId('wall-problem');
  await expect(rows).toHaveCount(ROWS);
  await expect(
    page.locator(`[data-testid="wall-problem"][data-device-id="${emergencyDevice}"]`),
  ).toHaveAttribute('data-tone', 'emergency');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'wall-problems-paged-1920x1080.png') });

  // Page 2 after one interval, still on the problems view; the rows are the next eight.
  await expect(indicator).toHaveAttribute('data-page', '2', { timeout: 8_000 });
  await expect(wallRoot(page)).toHaveAttribute('data-view', 'problems');
  const second = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-device-id')));
  expect(second.length).toBeGreaterThan(0);
  expect(second).not.toContain(emergencyDevice);
  // Every page shown, then the rotation moves on; the next visit starts on page 1 again.
  await expect(wallRoot(page)).toHaveAttribute('data-view', 'fleet', { timeout: pages * 5_000 + 5_000 });
  await expect(wallRoot(page)).toHaveAttribute('data-view', 'problems', { timeout: 10_000 });
  await expect(indicator).toHaveAttribute('data-page', '1');
  await page.context().close();
});
