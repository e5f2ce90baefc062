import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import path from 'node:path';
import { ADMIN_STATE, SYNC_INTERVAL_SECONDS, liveUrl } from './support/env';
import { simulator } from './support/simulator';
import type { DevicePage } from './support/ui';
import { SCREENSHOTS, createWallLink, openWall, resolveAlert, wallRoot } from './support/wall';

// Type that reads across a room (issue 16, finding 6 and 2): on every wall view, the hold screen
// with four new problems included, at 1366×768, 1920×1080 and 3840×2160, no text is clipped or
// sticks out of its box, and at 1080p names are at least 28 px and details at least 20 px
// (docs/ARCHITECTURE.md, NOC wall). Screenshots of every view at 1080p and 4K are saved.
const live = simulator('live');
const VIEWS = ['fleet', 'clients', 'problems', 'history'] as const;
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];
const NOTICE_MS = (SYNC_INTERVAL_SECONDS * 2 + 10) * 1_000;
const MIN_PX = { name: 28, detail: 20 };

let token = '';
let holdToken = '';
const opened: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const admin = await playwrightRequest.newContext({ storageState: ADMIN_STATE });
  ({ token } = await createWallLink(admin, { name: 'Legibility', wall: { intervalSeconds: 600 } }));
  const devices = (await (
    await admin.get(`${liveUrl}/api/devices?status=online&role=workstation&alerts=none&limit=100`)
  ).json()) as DevicePage;
  // Four devices for the hold screen: three criticals and an emergency, on a wall of just them.
  const four = devices.data.filter((device) => device.clientId).slice(10, 14);
  if (four.length < 4) throw new Error('fixture needs four online workstations without alerts');
  ({ token: holdToken } = await createWallLink(admin, {
    name: 'Legibility hold',
    scope: { kind: 'devices', deviceIds: four.map((device) => device.id) },
  }));
  await admin.dispose();
  holdDevices = four.map((device) => device.id);
});

let holdDevices: string[] = [];

test.afterAll(async () => {
  for (const id of opened) await resolveAlert(id).catch(() => {});
});

/** The active alerts Levelboard's snapshot (not Level's) has on these devices. */
async function serverAlertsOn(deviceIds: readonly string[]): Promise<string[]> {
  const admin = await playwrightRequest.newContext({ storageState: ADMIN_STATE });
  const ids: string[] = [];
  for (const deviceId of deviceIds) {
    const response = await admin.get(`${liveUrl}/api/alerts?device=${encodeURIComponent(deviceId)}`);
    expect(response.status()).toBe(200);
    ids.push(...((await response.json()) as { data: { id: string }[] }).data.map((alert) => alert.id));
  }
  await admin.dispose();
  return ids;
}

/** Every text element that is clipped, overflows its parent, or is cut by a clipping ancestor. */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (element: Element, why: string) =>
      `${why}: <${element.tagName.toLowerCase()} class="${String(element.getAttribute('class')).slice(0, 50)}"> "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    const clips = (style: CSSStyleDeclaration) =>
      style.overflowX !== 'visible' || style.overflowY !== 'visible';
    for (const element of document.querySelectorAll('[data-wall-root] *')) {
      if (!(element instanceof HTMLElement)) continue;
      const ownText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
      );
      if (!ownText) continue;
      const style = getComputedStyle(element);
      if (
        style.display === 'none' ||
        style.visibility === 'hidden' ||
        element.closest('[aria-hidden="true"]') ||
        // Screen-reader-only text is clipped on purpose.
        element.closest('.sr-only')
      )
        continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const clamped = style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '';
      if (
        (clips(style) || style.textOverflow === 'ellipsis' || clamped) &&
        (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
      )
        found.push(describe(element, 'clipped'));
      const parent = element.parentElement?.getBoundingClientRect();
      if (
        parent &&
        (box.left < parent.left - 1 ||
          box.right > parent.right + 1 ||
          box.top < parent.top - 1 ||
          box.bottom > parent.bottom + 1)
      )
        found.push(describe(element, 'outside its parent'));
      // The hold's reason line once showed half its letters: cut by the card, not by itself.
      for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
        if (!clips(getComputedStyle(ancestor))) continue;
        const edge = ancestor.getBoundingClientRect();
        if (
          box.top < edge.top - 1 ||
          box.bottom > edge.bottom + 1 ||
          box.left < edge.left - 1 ||
          box.right > edge.right + 1
        )
          found.push(describe(element, 'cut by an ancestor'));
        break;
      }
    }
    return found;
  });
}

/** The smallest computed font size of the marked names and details. */
async function smallestType(page: Page): Promise<{ name: number | null; detail: number | null }> {
  return page.evaluate(() => {
    const smallest = (kind: string) => {
      const sizes = [...document.querySelectorAll(`[data-wall-text="${kind}"]`)].map((element) =>
        parseFloat(getComputedStyle(element).fontSize),
      );
      return sizes.length ? Math.min(...sizes) : null;
    };
    return { name: smallest('name'), detail: smallest('detail') };
  });
}

async function viewShown(page: Page, view: string): Promise<void> {
  await expect(wallRoot(page)).toHaveAttribute('data-view', view);
  if (view === 'clients') await expect(page.getByTestId('wall-client-tile').first()).toBeVisible();
  if (view === 'problems') await expect(page.getByTestId('wall-problem').first()).toBeVisible();
  if (view === 'history') await expect(page.getByTestId('chart-skeleton')).toHaveCount(0);
  if (view === 'fleet') await expect(page.getByTestId('wall-devices')).toBeVisible();
  await page.waitForTimeout(300);
}

test('no text on any wall view is clipped or overflows, at three sizes; names and details are large at 1080p', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const found: Record<string, string[]> = {};
  for (const viewport of VIEWPORTS) {
    const page = await openWall(browser, token, { viewport, query: 'shift=0' });
    for (const view of VIEWS) {
      await page.goto(`${liveUrl}/wall?views=${view}&shift=0`);
      await viewShown(page, view);
      const clipped = await clippedText(page);
      if (clipped.length) found[`${view} ${viewport.width}×${viewport.height}`] = clipped.slice(0, 5);
      if (viewport.width === 1920 && (view === 'clients' || view === 'problems')) {
        const type = await smallestType(page);
        expect(type.name, `${view}: names`).toBeGreaterThanOrEqual(MIN_PX.name);
        expect(type.detail, `${view}: details`).toBeGreaterThanOrEqual(MIN_PX.detail);
      }
      if (viewport.width >= 1920)
        await page.screenshot({
          path: path.join(SCREENSHOTS, `legible-${view}-${viewport.width}x${viewport.height}.png`),
        });
    }
    await page.context().close();
  }
  expect(found).toEqual({});
});

test('the hold screen with four new problems: worst first, nothing clipped, at three sizes', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const pages = await Promise.all(
    VIEWPORTS.map((viewport) =>
      openWall(browser, holdToken, { viewport, query: 'views=fleet,problems&poll=1&shift=0&hold=600' }),
    ),
  );
  // Each screen has seen its (empty) problem list before the problems appear.
  for (const page of pages) await expect(page.getByTestId('wall-devices')).toBeVisible();
  await pages[0]!.waitForTimeout(3_000);
  // The four must reach each screen in one answer: a sync that lands between two of them would,
  // by design, hold only what is newly worse (the emergency), not the criticals after the first
  // ones. So the screens' problem polls wait until the server's snapshot has all four.
  let openGate = () => {};
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  for (const page of pages)
    await page.route('**/api/wall/problems**', async (route) => {
      await gate;
      await route.continue();
    });
  for (const [index, deviceId] of holdDevices.entries()) {
    const severity = index === 3 ? 'emergency' : 'critical';
    opened.push(
      (
        await live.openAlert({
          device_id: deviceId,
          severity,
          name: `Service stopped ${index} · disk nearly full`,
        })
      ).id,
    );
  }
  await expect
    .poll(async () => (await serverAlertsOn(holdDevices)).length, { timeout: NOTICE_MS })
    .toBe(holdDevices.length);
  openGate();
  const found: Record<string, string[]> = {};
  for (const [index, page] of pages.entries()) {
    const viewport = VIEWPORTS[index]!;
    await expect(wallRoot(page)).toHaveAttribute('data-view', 'hold', { timeout: NOTICE_MS });
    await expect(page.getByText('+ 1 more new problems')).toBeVisible({ timeout: NOTICE_MS });
    await expect(page.getByTestId('wall-hold-problem').first()).toHaveAttribute('data-tone', 'emergency');
    await page.waitForTimeout(500);
    const clipped = await clippedText(page);
    if (clipped.length) found[`hold ${viewport.width}×${viewport.height}`] = clipped.slice(0, 5);
    if (viewport.width === 1920) {
      const type = await smallestType(page);
      expect(type.name, 'hold: names').toBeGreaterThanOrEqual(MIN_PX.name);
      expect(type.detail, 'hold: details').toBeGreaterThanOrEqual(MIN_PX.detail);
    }
    if (viewport.width >= 1920)
      await page.screenshot({
        path: path.join(SCREENSHOTS, `legible-hold-${viewport.width}x${viewport.height}.png`),
      });
    await page.context().close();
  }
  expect(found).toEqual({});
});
