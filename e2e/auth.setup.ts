import { expect, test as setup } from '@playwright/test';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_PASSWORD, ADMIN_STATE, ARTIFACTS, demoUrl, liveUrl } from './support/env';

// Signs in once as the admin; the cookie (host 127.0.0.1, shared secret) works on every server.
setup('sign in as admin', async ({ request }) => {
  rmSync(path.join(ARTIFACTS, 'share-tokens.txt'), { force: true });
  const response = await request.post(`${liveUrl}/api/auth/login`, {
    data: { password: ADMIN_PASSWORD },
    headers: { Origin: liveUrl },
  });
  expect(response.status()).toBe(200);
  expect((await request.get(`${demoUrl}/api/auth/session`)).status()).toBe(200);
  await request.storageState({ path: ADMIN_STATE });
});
