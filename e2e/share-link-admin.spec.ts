import { expect, test } from '@playwright/test';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_STATE, ARTIFACTS, liveUrl } from './support/env';

// Opening /s/<token> in a browser signed in as admin asks first: going on replaces the admin
// session in this browser. Cancel keeps the admin; Continue (a same-origin POST) opens the link
// and the token still leaves the address bar.
test('a share link opened while signed in as admin asks before replacing the session', async ({
  browser,
  request,
}) => {
  const created = await request.post(`${liveUrl}/api/admin/share-links`, {
    data: { name: 'Admin opens a link', kind: 'viewer', scope: { kind: 'fleet' }, expiresInHours: 1 },
    headers: { Origin: liveUrl },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  appendFileSync(path.join(ARTIFACTS, 'share-tokens.txt'), `${token}\n`);

  const context = await browser.newContext({ baseURL: liveUrl, storageState: ADMIN_STATE });
  try {
    const page = await context.newPage();
    const role = async () =>
      ((await (await context.request.get('/api/auth/session')).json()) as { role: string }).role;

    await page.goto(`/s/${token}`);
    await expect(page.getByTestId('share-confirm')).toContainText(
      'You are signed in as admin. Opening this link signs you out of admin in this browser.',
    );
    expect(await role()).toBe('admin');
    await page.getByTestId('share-confirm-cancel').click();
    await expect(page).toHaveURL(`${liveUrl}/`);
    expect(await role()).toBe('admin');

    await page.goto(`/s/${token}`);
    await page.getByTestId('share-confirm-continue').click();
    await expect(page).toHaveURL(`${liveUrl}/`);
    expect(page.url()).not.toContain(token);
    expect(await role()).toBe('viewer');
  } finally {
    await context.close();
  }

  // Continue is refused from another site (CSRF), and a dead token is a 404 for the admin too.
  const foreign = await request.post(`${liveUrl}/s/${token}`, {
    headers: { Origin: 'https://evil.example' },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
  expect((await request.get(`${liveUrl}/s/not-a-real-token-0000`, { maxRedirects: 0 })).status()).toBe(404);
});
