import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, demoUrl } from './env';

// Share links for the link-management specs: the admin (storage state) creates them through the
// API; a fresh browser context plays the technician who opens one.

export interface CreatedLink {
  id: string;
  name: string;
  token: string;
}

/** Every token the run created goes to the leak scan (last spec), which checks none shows up anywhere. */
export function rememberToken(token: string): void {
  appendFileSync(path.join(ARTIFACTS, 'share-tokens.txt'), `${token}\n`);
}

export async function createLink(
  admin: APIRequestContext,
  body: Record<string, unknown>,
  baseUrl = demoUrl,
): Promise<CreatedLink> {
  const response = await admin.post(`${baseUrl}/api/admin/share-links`, {
    data: { kind: 'viewer', scope: { kind: 'fleet' }, expiresInHours: 24, ...body },
    headers: { Origin: baseUrl },
  });
  expect(response.status(), await response.text()).toBe(201);
  const created = (await response.json()) as { link: { id: string; name: string }; token: string };
  rememberToken(created.token);
  return { id: created.link.id, name: created.link.name, token: created.token };
}

export async function revokeLink(admin: APIRequestContext, id: string, baseUrl = demoUrl): Promise<void> {
  const response = await admin.delete(`${baseUrl}/api/admin/share-links/${id}`, {
    headers: { Origin: baseUrl },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** A technician's browser (no admin cookie) that has opened the link and landed on the dashboard. */
export async function openAsTechnician(
  browser: Browser,
  token: string,
  options: { baseUrl?: string; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const baseUrl = options.baseUrl ?? demoUrl;
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    viewport: options.viewport,
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/s/${token}`);
  await expect(page).toHaveURL(`${baseUrl}/`);
  return page;
}

export const linkRow = (page: Page, name: string) =>
  page.getByTestId('share-link-row').filter({ has: page.getByRole('cell', { name, exact: true }) });
