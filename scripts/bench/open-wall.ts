import type { Page } from '@playwright/test';
import { UnexpectedStatus } from './sessions';

/**
 * Opens a wall link the way a screen does (the link sets the wall's cookie), then the wall with
 * `query`. Not let in: fails with the status that sent the browser elsewhere (the first of the
 * redirect chain), not after a long wait for a wall that never comes.
 */
export async function openWallThroughLink(
  page: Page,
  baseUrl: string,
  token: string,
  query: string,
  timeoutMs?: number,
): Promise<void> {
  await page.goto(`${baseUrl}/s/${token}`);
  const wall = await page.goto(`${baseUrl}/wall?${query}`);
  if (new URL(page.url()).pathname !== '/wall') {
    let request = wall?.request() ?? null;
    while (request?.redirectedFrom()) request = request.redirectedFrom();
    const status = (await request?.response())?.status() ?? 'none';
    throw new UnexpectedStatus(
      `/wall as the wall link (it went to ${new URL(page.url()).pathname})`,
      status,
      [200],
    );
  }
  await page.locator('[data-wall-root][data-view]').waitFor({ timeout: timeoutMs });
}
