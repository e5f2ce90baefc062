import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, LEVEL_KEY, liveUrl, simulatorOrigin } from './env';

// Wall screens for the e2e specs: an admin creates a wall link; a fresh browser context (no admin
// cookie) opens it like the screen in the office would.

export const SCREENSHOTS = path.join(ARTIFACTS, 'screenshots');

export interface WallLinkBody {
  name: string;
  scope?: Record<string, unknown>;
  wall?: Record<string, unknown>;
  redact?: boolean;
}

export async function createWallLink(
  admin: APIRequestContext,
  body: WallLinkBody,
  baseUrl = liveUrl,
): Promise<{ id: string; token: string }> {
  const response = await admin.post(`${baseUrl}/api/admin/share-links`, {
    data: { kind: 'wall', scope: { kind: 'fleet' }, expiresInHours: null, ...body },
    headers: { Origin: baseUrl },
  });
  expect(response.status(), await response.text()).toBe(201);
  const created = (await response.json()) as { link: { id: string }; token: string };
  // The leak scan (last spec) checks that no token shows up anywhere after this response.
  appendFileSync(path.join(ARTIFACTS, 'share-tokens.txt'), `${created.token}\n`);
  return { id: created.link.id, token: created.token };
}

/** A new screen (fresh context) that opens the link, then the wall with `query`. */
export async function openWall(
  browser: Browser,
  token: string,
  options: { query?: string; viewport?: { width: number; height: number }; baseUrl?: string } = {},
): Promise<Page> {
  const baseUrl = options.baseUrl ?? liveUrl;
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1920, height: 1080 },
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  const landed = await page.goto(`${baseUrl}/s/${token}`);
  expect(new URL(landed?.url() ?? '').pathname).toBe('/wall');
  await page.goto(`${baseUrl}/wall${options.query ? `?${options.query}` : ''}`);
  await expect(wallRoot(page)).toBeVisible();
  return page;
}

export const wallRoot = (page: Page) => page.locator('[data-wall-root][data-view]');

export async function currentView(page: Page): Promise<string | null> {
  return wallRoot(page).getAttribute('data-view');
}

/** When this document was loaded: changes exactly when the page reloads. */
export const loadedAt = (page: Page) => page.evaluate(() => performance.timeOrigin);

/** Resolves an alert the way a technician does, through Level's API (the simulator's). */
export async function resolveAlert(alertId: string): Promise<void> {
  const response = await fetch(`${simulatorOrigin}/v2/alerts/${encodeURIComponent(alertId)}/resolve`, {
    method: 'POST',
    headers: { Authorization: LEVEL_KEY },
  });
  if (!response.ok) throw new Error(`resolve ${alertId} → ${response.status}`);
}

/** Nothing sticks out of the screen: no scrollbars, every element of the frame inside the viewport. */
export async function expectNoOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const { innerWidth, innerHeight } = window;
    const root = document.scrollingElement ?? document.documentElement;
    const outside = [...document.querySelectorAll('[data-testid="wall-frame"] *')]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0)
      .filter(
        ({ box }) =>
          box.right > innerWidth + 1 || box.bottom > innerHeight + 1 || box.left < -1 || box.top < -1,
      )
      .map(({ element }) => `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 60)}`);
    return {
      scroll: root.scrollWidth > innerWidth || root.scrollHeight > innerHeight,
      outside: outside.slice(0, 5),
    };
  });
  expect(overflow).toEqual({ scroll: false, outside: [] });
}
