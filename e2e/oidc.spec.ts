import { startSimulator, type RunningSimulator } from '@/simulator';
import { startTestProvider, type TestProvider } from '@/testing/oidc-provider';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { ADMIN_PASSWORD, EXTRA_PORTS, SHARED_SERVER_ENV } from './support/env';
import { health, startServer, type ServerProcess } from './support/processes';

// OIDC sign-in in a real browser, through a real OpenID provider (oidc-provider on loopback) and a
// Levelboard server configured for it: a claim maps a person to a technician scoped to one client,
// who then sees that client only, in pages and in the API; and every failure ends on a page that
// says what went wrong in words.

const KEY = 'oidc-e2e-key-0123456789abcdef';
const PORT = EXTRA_PORTS[0] ?? 0;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const STACK_TRACE = /\n\s+at |Error:|TypeError|Unhandled|stack/;

let sim: RunningSimulator;
let provider: TestProvider;
/** Another real provider that knows the same client: an answer from it is from the wrong issuer. */
let other: TestProvider;
let server: ServerProcess;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  sim = await startSimulator({ devices: 120, seed: 18, apiKey: KEY, frozen: true, quiet: true });
  provider = await startTestProvider({
    redirectUris: [`${ORIGIN}/api/auth/oidc/callback`],
    accounts: {
      boss: { email: 'boss@msp.example', name: 'Bo Boss', roles: ['Levelboard.Admin'] },
      nobody: { email: 'nobody@msp.example', name: 'No Role', groups: ['fleet'] },
    },
  });
  other = await startTestProvider({
    redirectUris: [`${ORIGIN}/api/auth/oidc/callback`],
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    accounts: { boss: { email: 'boss@msp.example', name: 'Bo Boss', roles: ['Levelboard.Admin'] } },
  });
  server = await startServer('oidc', PORT, {
    LEVEL_API_KEY: KEY,
    LEVEL_API_URL: sim.url,
    ...SHARED_SERVER_ENV,
    SYNC_INTERVAL_SECONDS: '3600',
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_PROVIDER_NAME: 'Test IdP',
    OIDC_ROLE_MAP: 'Levelboard.Admin=admin,Levelboard.Technician=technician',
    OIDC_DEFAULT_ROLE: 'refuse',
    OIDC_LOCAL_SIGN_IN: 'off',
  });
  await expect.poll(async () => (await health(server.url)).lastSyncAt, { timeout: 60_000 }).not.toBeNull();
});

test.afterAll(async () => {
  await server?.kill();
  await provider?.close();
  await other?.close();
  await sim?.close();
});

async function signInThroughProvider(page: Page, account: string, origin = ORIGIN, issuer = provider.issuer) {
  await page.goto(`${origin}/login`);
  await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
  await expect(page).toHaveURL(new RegExp(`^${issuer}/interaction/`));
  await page.getByRole('button', { name: `Sign in as ${account}` }).click();
}

interface Named {
  id: string;
  name: string;
}

const clientsOf = async (request: APIRequestContext) =>
  ((await (await request.get(`${ORIGIN}/api/fleet/clients`)).json()) as { clients: Named[] }).clients;

async function devicesOf(request: APIRequestContext) {
  const response = await request.get(`${ORIGIN}/api/devices?limit=500`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: { id: string; groupId: string | null }[] }).data;
}

test('a technician signs in through the provider, sees only their client, and signs out', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // The admin, by the provider's app role, sees the whole fleet and picks the client to scope.
  const adminContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const admin = await adminContext.newPage();
  await signInThroughProvider(admin, 'boss');
  await expect(admin.getByRole('heading', { name: 'Fleet overview' })).toBeVisible();
  const everyClient = await clientsOf(admin.request);
  expect(everyClient.length).toBeGreaterThan(1);
  const [client, other] = everyClient as [Named, Named];
  const groups = (
    (await (await admin.request.get(`${ORIGIN}/api/groups?view=names`)).json()) as {
      groups: { id: string; clientId: string }[];
    }
  ).groups;
  const clientGroups = new Set(
    groups.filter((group) => group.clientId === client.id).map((group) => group.id),
  );
  const fleetDevices = await devicesOf(admin.request);
  // Settings shows single sign-on as the environment fixed it, and never the client secret.
  await admin.goto(`${ORIGIN}/settings`);
  const sso = admin.getByRole('region', { name: 'Single sign-on (OIDC)' });
  await expect(sso.getByTestId('oidc-status')).toContainText('Single sign-on is on');
  await expect(sso.getByLabel('Issuer URL')).toBeDisabled();
  await expect(sso.getByText('Client secret (set; type to replace)')).toBeVisible();
  expect(await admin.content()).not.toContain(provider.clientSecret);
  expect(await (await admin.request.get(`${ORIGIN}/api/admin/settings/oidc`)).text()).not.toContain(
    provider.clientSecret,
  );

  // The technician's claim names the client by its name in Level.
  provider.setAccount('tech', {
    email: 'tess@msp.example',
    name: 'Tess Technician',
    roles: ['Levelboard.Technician'],
    groups: [client.name],
  });
  const techContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const tech = await techContext.newPage();
  await signInThroughProvider(tech, 'tech');
  await expect(tech).toHaveURL(`${ORIGIN}/`);
  await expect(tech.getByRole('heading', { name: 'Fleet overview' })).toBeVisible();

  expect((await clientsOf(tech.request)).map((each) => each.id)).toEqual([client.id]);
  const techDevices = await devicesOf(tech.request);
  expect(techDevices.length).toBeGreaterThan(0);
  expect(techDevices.length).toBeLessThan(fleetDevices.length);
  expect(techDevices.every((device) => device.groupId !== null && clientGroups.has(device.groupId))).toBe(
    true,
  );
  await expect(tech.getByText(client.name).first()).toBeVisible();
  await expect(tech.getByText(other.name, { exact: true })).toHaveCount(0);
  // Another client's page is not theirs.
  await tech.goto(`${ORIGIN}/groups/${encodeURIComponent(other.id)}`);
  await expect(tech.getByText(other.name, { exact: true })).toHaveCount(0);
  await expect(tech.getByRole('link', { name: 'Settings' })).toHaveCount(0);

  // The audit log names the person behind the sign-in.
  const audit = await (await admin.request.get(`${ORIGIN}/api/admin/audit`)).text();
  expect(audit).toContain('Tess Technician <tess@msp.example>');

  await tech.getByRole('button', { name: 'Sign out' }).click();
  await expect(tech).toHaveURL(/\/login$/);
  expect((await tech.request.get(`${ORIGIN}/api/devices`)).status()).toBe(401);
  await adminContext.close();
  await techContext.close();
});

async function expectReadableFailure(page: Page, reason: string, words: RegExp, origin = ORIGIN) {
  await expect(page).toHaveURL(`${origin}/login?error=${reason}`);
  const alert = page.getByTestId('sso-error');
  await expect(alert).toHaveText(words);
  expect(await page.locator('body').innerText()).not.toMatch(STACK_TRACE);
  // And the way to try again is right there.
  await expect(page.getByRole('link', { name: 'Sign in with Test IdP' })).toBeVisible();
}

test('every failure ends on a readable page: refused user, wrong state, replayed code', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  let page = await context.newPage();

  // A person the provider knows but who has no Levelboard role, with OIDC_DEFAULT_ROLE=refuse.
  await signInThroughProvider(page, 'nobody');
  await expectReadableFailure(page, 'refused', /no Levelboard role/);
  expect((await page.request.get(`${ORIGIN}/api/devices`)).status()).toBe(401);

  // A callback that no sign-in from this browser started (a forged or stale link).
  await page.goto(
    `${ORIGIN}/api/auth/oidc/callback?code=forged&state=forged&iss=${encodeURIComponent(provider.issuer)}`,
  );
  await expectReadableFailure(page, 'state', /Start again/);

  // A code used twice: the first use signs in, the replay is refused by the provider. (A new
  // browser: this one is still signed in at the provider as the person without a role.)
  await context.close();
  const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  page = await fresh.newPage();
  let callback = '';
  page.on('request', (request) => {
    if (request.url().startsWith(`${ORIGIN}/api/auth/oidc/callback?`) && !callback) callback = request.url();
  });
  await signInThroughProvider(page, 'boss');
  await expect(page.getByRole('heading', { name: 'Fleet overview' })).toBeVisible();
  expect(callback).toContain('code=');
  await page.goto(callback);
  await expectReadableFailure(page, 'code', /can be used once/);
  await fresh.close();
});

test('an answer from another issuer ends on a readable page', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();

  // Mix-up: the sign-in Levelboard started is answered by another provider that knows the client.
  const start = await page.request.get(`${ORIGIN}/api/auth/oidc/start`, { maxRedirects: 0 });
  expect(start.status()).toBe(303);
  const authorization = new URL(start.headers()['location'] ?? '');
  expect(authorization.origin).toBe(provider.issuer);
  await page.goto(`${other.issuer}${authorization.pathname}${authorization.search}`);
  await page.getByRole('button', { name: 'Sign in as boss' }).click();
  await expectReadableFailure(page, 'issuer', /configured sign-in provider/);
  expect((await page.request.get(`${ORIGIN}/api/devices`)).status()).toBe(401);

  await context.close();
});

test('with local sign-in off, a password is refused and the break-glass admin still signs in', async ({
  playwright,
}) => {
  const request = await playwright.request.newContext({
    baseURL: ORIGIN,
    extraHTTPHeaders: { Origin: ORIGIN },
  });
  const local = await request.post('/api/auth/login', {
    data: { email: 'boss@msp.example', password: 'a-password-long-enough' },
  });
  expect(local.status()).toBe(403);
  expect(await local.text()).toContain('sign in with single sign-on');
  const breakGlass = await request.post('/api/auth/login', { data: { password: ADMIN_PASSWORD } });
  expect(breakGlass.status()).toBe(200);
  expect((await request.get('/api/devices?limit=1')).status()).toBe(200);
  await request.dispose();
});

/** The test provider in its own process, its clock `offsetSeconds` off (testing/oidc-provider-cli.ts). */
async function startSkewedProvider(redirectUri: string, offsetSeconds: number) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve('testing/oidc-provider-cli.ts')],
    {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        CLOCK_OFFSET_SECONDS: String(offsetSeconds),
        OIDC_TEST_PROVIDER: JSON.stringify({
          redirectUris: [redirectUri],
          accounts: { boss: { email: 'boss@msp.example', name: 'Bo Boss', roles: ['Levelboard.Admin'] } },
        }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const { issuer } = JSON.parse(line.toString().split('\n')[0] ?? '{}') as { issuer: string };
  return { issuer, stop: () => child.kill('SIGTERM') };
}

test('an ID token already expired by this server’s clock ends on a readable page', async ({ browser }) => {
  test.setTimeout(120_000);
  const port = EXTRA_PORTS[1] ?? 0;
  const origin = `http://127.0.0.1:${port}`;
  // A provider whose clock is an hour and two minutes behind: its one-hour ID tokens are two minutes
  // past expiry here (Levelboard tolerates 30 s of clock difference).
  const skewed = await startSkewedProvider(`${origin}/api/auth/oidc/callback`, -(3600 + 120));
  const late = await startServer('oidc-late', port, {
    LEVEL_API_KEY: KEY,
    LEVEL_API_URL: sim.url,
    ...SHARED_SERVER_ENV,
    SYNC_INTERVAL_SECONDS: '3600',
    OIDC_ISSUER: skewed.issuer,
    OIDC_CLIENT_ID: 'levelboard',
    OIDC_CLIENT_SECRET: 'levelboard-test-client-secret',
    OIDC_PROVIDER_NAME: 'Test IdP',
    OIDC_ROLE_MAP: 'Levelboard.Admin=admin',
  });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const page = await context.newPage();
    await signInThroughProvider(page, 'boss', origin, skewed.issuer);
    await expectReadableFailure(page, 'expired', /had expired/, origin);
    expect((await page.request.get(`${origin}/api/devices`)).status()).toBe(401);
  } finally {
    await context.close();
    await late.kill();
    skewed.stop();
  }
});
