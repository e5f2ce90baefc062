import { expect, test } from '@playwright/test';
import {
  EXTRA_PORTS,
  LEVEL_KEY,
  SESSION_SECRET,
  SYNC_INTERVAL_SECONDS,
  simulatorOrigin,
} from './support/env';
import { startServer, type ServerProcess } from './support/processes';

// Admin sessions end on the server: a cookie copied before logout, before "sign out everywhere"
// or before ADMIN_PASSWORD changed is refused afterwards. A server of its own (own database), so
// ending every session here leaves the shared servers' admin session alone.
const PORT = EXTRA_PORTS[1] ?? 0;
const FIRST_PASSWORD = 'sessions-first-password-0123';
const env = (adminPassword: string) => ({
  LEVEL_API_KEY: LEVEL_KEY,
  LEVEL_API_URL: `${simulatorOrigin}/v2`,
  ADMIN_PASSWORD: adminPassword,
  SESSION_SECRET,
  COOKIE_SECURE: 'false',
  SYNC_INTERVAL_SECONDS: String(SYNC_INTERVAL_SECONDS),
});

let server: ServerProcess;
test.beforeAll(async () => {
  server = await startServer('sessions', PORT, env(FIRST_PASSWORD));
});
test.afterAll(async () => {
  await server.kill('SIGKILL');
});

async function signIn(password = FIRST_PASSWORD): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { Origin: server.url, 'Content-Type': 'application/json' },
    body: JSON.stringify({ password }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

async function sessionStatus(cookie: string): Promise<number> {
  const response = await fetch(`${server.url}/api/auth/session`, { headers: { Cookie: cookie } });
  await response.arrayBuffer();
  return response.status;
}

async function post(path: string, cookie: string): Promise<number> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: server.url },
  });
  await response.arrayBuffer();
  return response.status;
}

test('a cookie replayed after logout is refused', async () => {
  const cookie = await signIn();
  const other = await signIn();
  expect(await sessionStatus(cookie)).toBe(200);
  expect(await post('/api/auth/logout', cookie)).toBe(200);
  expect(await sessionStatus(cookie)).toBe(401);
  expect((await fetch(`${server.url}/api/devices?limit=1`, { headers: { Cookie: cookie } })).status).toBe(
    401,
  );
  // Only that session ended.
  expect(await sessionStatus(other)).toBe(200);
});

test('"sign out everywhere" in Settings ends every admin session at once', async ({ browser }) => {
  const elsewhere = await signIn();
  const context = await browser.newContext({
    baseURL: server.url,
    storageState: { cookies: [], origins: [] },
  });
  try {
    const login = await context.request.post('/api/auth/login', {
      data: { password: FIRST_PASSWORD },
      headers: { Origin: server.url },
    });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    await page.goto('/settings');
    await page.getByTestId('sign-out-everywhere').click();
    const dialog = page.getByTestId('sign-out-everywhere-dialog');
    await expect(dialog).toContainText('Every session of yours ends now');
    await dialog.getByTestId('confirm-sign-out-everywhere').click();
    await expect(page).toHaveURL(/\/login$/);
  } finally {
    await context.close();
  }
  expect(await sessionStatus(elsewhere)).toBe(401);
  // Signing in again works, and the ending is in the audit log.
  const fresh = await signIn();
  const audit = (await (
    await fetch(`${server.url}/api/admin/audit`, { headers: { Cookie: fresh } })
  ).json()) as { entries: { action: string; result: string }[] };
  expect(audit.entries.find((entry) => entry.action === 'sessions.sign_out_everywhere')?.result).toBe('ok');
});

test('a restart with a new ADMIN_PASSWORD ends older admin sessions; the same password does not', async () => {
  // Each restart also starts the sign-in limiter afresh (this spec signs in more than 5 times).
  await server.kill('SIGKILL');
  server = await startServer('sessions', PORT, env(FIRST_PASSWORD), { keepData: true });
  const cookie = await signIn();
  await server.kill('SIGKILL');
  server = await startServer('sessions', PORT, env(FIRST_PASSWORD), { keepData: true });
  expect(await sessionStatus(cookie)).toBe(200);
  await server.kill('SIGKILL');
  server = await startServer('sessions', PORT, env('sessions-second-password-4567'), { keepData: true });
  expect(await sessionStatus(cookie)).toBe(401);
  expect(await sessionStatus(await signIn('sessions-second-password-4567'))).toBe(200);
});
