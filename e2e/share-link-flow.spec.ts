import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_PASSWORD, SCREENSHOTS, demoUrl } from './support/env';

// The whole story in real browsers: an admin signs in, checks the Level connection, creates a
// scoped expiring link; a technician opens it in another browser; the admin revokes it.
const shots = SCREENSHOTS;

test('admin signs in, creates a scoped link, a technician uses it, the admin revokes it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  mkdirSync(shots, { recursive: true });
  const adminContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const admin = await adminContext.newPage();
  await admin.goto(`${demoUrl}/settings`);
  await expect(admin).toHaveURL(/\/login$/);
  await admin.getByLabel('Password', { exact: true }).fill('not-the-password');
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin.getByText('That password is not right.')).toBeVisible();
  await admin.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin.getByRole('heading', { name: 'Fleet overview' })).toBeVisible();

  await admin.goto(`${demoUrl}/settings`);
  await expect(admin.getByTestId('level-connection')).toContainText('Demo mode');
  await admin.getByRole('button', { name: 'Test connection' }).click();
  await expect(admin.getByTestId('connection-test')).toContainText('Connected');

  await admin.getByLabel('Name', { exact: true }).fill('Field tech, one client');
  await admin.locator('select[name="scopeKind"]').selectOption('group');
  await admin.locator('select[name="groupId"]').selectOption({ index: 0 });
  await admin.locator('select[name="expiry"]').selectOption('24');
  await admin.getByRole('button', { name: 'Create link' }).click();
  const url = await admin.getByTestId('new-link-url').inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  await admin.screenshot({ path: path.join(shots, 'settings-light-1440.png'), fullPage: true });

  const techContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const tech = await techContext.newPage();
  await tech.goto(url);
  await expect(tech).toHaveURL(`${demoUrl}/`);
  await expect(tech.getByTestId('shared-view')).toBeVisible();
  await expect(tech.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await expect(tech.getByTestId('tile-total').locator('[data-value]')).toBeVisible();

  await admin.reload();
  const row = admin.getByTestId('share-link-row').filter({ hasText: 'Field tech, one client' });
  await expect(row).toContainText('1');
  await row.getByRole('button', { name: /Revoke/ }).click();
  await admin.getByTestId('revoke-link-dialog').getByRole('button', { name: 'Revoke link' }).click();
  await expect(row).toContainText('revoked');

  await tech.reload();
  await expect(tech).toHaveURL(/\/login$/);
  await adminContext.close();
  await techContext.close();
});
