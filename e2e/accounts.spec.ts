import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { LIVE, liveUrl } from './support/env';

// Local accounts end to end on the live server (SQLite; both engines are covered by the unit tests
// in lib/users): an admin invites a technician, the link works once and not once expired, the
// person sets a password and is signed in, enrols TOTP with a code computed here, signs in again
// with a code and with a recovery code (once), and is cut off mid-session when disabled.
// Sign-in is rate-limited to 5 attempts a minute per address: this file makes 4 (plus setup's).
//
// Expiry is simulated by writing the invite's expires_at into the past in the live server's
// database, as another replica or the passage of 72 hours would — no test-only knob in the server.

const origin = { Origin: liveUrl };
const stamp = randomBytes(4).toString('hex');
const techEmail = `tech-${stamp}@example.com`;
const techName = `Tess Technician ${stamp}`;
const password = `correct horse ${stamp} battery`;

const totpCode = (secret: string, at: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: at,
  });

async function personContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: liveUrl, storageState: { cookies: [], origins: [] } });
}

async function sessionOf(request: APIRequestContext) {
  const response = await request.get(`${liveUrl}/api/auth/session`);
  return {
    status: response.status(),
    body: response.ok() ? ((await response.json()) as Record<string, unknown>) : null,
  };
}

test.describe.configure({ mode: 'serial' });

test.describe('local accounts', () => {
  let inviteUrl = '';
  let userId = '';
  let secret = '';
  let recoveryCodes: string[] = [];
  let person: BrowserContext;
  let groupPath = '';

  test.afterAll(async () => {
    await person?.close();
  });

  test('an admin invites a technician scoped to one client; the link is shown once', async ({
    page,
    request,
  }) => {
    const groups = (await (await request.get(`${liveUrl}/api/groups`)).json()) as {
      groups: { id: string; path: string[]; depth: number }[];
    };
    const first = groups.groups[0];
    if (!first) throw new Error('the live server has no groups');
    groupPath = first.path.join(' / ');

    await page.goto(`${liveUrl}/users`);
    await page.getByTestId('invite-user').click();
    const dialog = page.getByTestId('invite-dialog');
    await dialog.getByLabel('Name').fill(techName);
    await dialog.getByLabel('E-mail').fill(techEmail);
    await dialog.getByLabel('Role').selectOption('technician');
    await dialog.getByLabel('Chosen clients or groups').check();
    await expect(dialog.getByTestId('scope-groups').getByRole('checkbox').first()).toBeChecked();
    await dialog.getByRole('button', { name: 'Create invitation link' }).click();
    inviteUrl = await dialog.getByTestId('one-time-link-url').inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${liveUrl}/invite/[\\w-]{43}$`));
    await dialog.getByRole('button', { name: 'Done' }).click();

    const row = page.getByTestId(`user-row-${techEmail}`);
    await expect(row).toContainText(techName);
    await expect(row).toContainText('technician');
    await expect(row).toContainText(groupPath);
    await expect(row).toContainText('Invited (no password yet)');

    // The list never carries the token (nor any hash).
    const list = await (await request.get(`${liveUrl}/api/admin/users`)).text();
    expect(list).not.toContain(inviteUrl.split('/').pop()!);
    expect(list).not.toMatch(/password_hash|totp_secret|recovery_codes|token_hash/);
    userId = (JSON.parse(list) as { users: { id: string; email: string }[] }).users.find(
      (user) => user.email === techEmail,
    )!.id;
  });

  test('the person sets a password through the link and is signed in; the link then no longer works', async ({
    browser,
  }) => {
    person = await personContext(browser);
    const page = await person.newPage();
    await page.goto(inviteUrl);
    await expect(page.getByRole('heading', { name: 'Welcome to Levelboard' })).toBeVisible();
    await page.getByLabel('New password').fill(password);
    await page.getByLabel('The same again').fill(password);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.waitForURL(`${liveUrl}/`);
    const session = await sessionOf(person.request);
    expect(session.status).toBe(200);
    expect(JSON.stringify(session.body)).toContain(techEmail);
    expect(JSON.stringify(session.body)).toContain('technician');

    const again = await person.newPage();
    await again.goto(inviteUrl);
    await expect(again.getByTestId('invite-invalid')).toBeVisible();
    const token = inviteUrl.split('/').pop()!;
    expect((await person.request.get(`${liveUrl}/api/auth/invite/${token}`)).status()).toBe(404);
    const reuse = await person.request.post(`${liveUrl}/api/auth/invite/${token}`, {
      headers: origin,
      data: { password: 'another password entirely' },
    });
    expect(reuse.status()).toBe(404);
    await again.close();
  });

  test('an invite link no longer works once expired', async ({ request }) => {
    const created = await request.post(`${liveUrl}/api/admin/users`, {
      headers: origin,
      data: {
        email: `late-${stamp}@example.com`,
        name: 'Late Comer',
        role: 'viewer',
        scope: { kind: 'fleet' },
      },
    });
    expect(created.status()).toBe(201);
    const { user, inviteUrl } = (await created.json()) as { user: { id: string }; inviteUrl: string };
    const token = inviteUrl.split('/').pop()!;
    expect((await request.get(`${liveUrl}/api/auth/invite/${token}`)).status()).toBe(200);

    const db = new BetterSqlite3(path.join(LIVE.dataDir, 'levelboard.db'));
    db.prepare('UPDATE user_invites SET expires_at = ? WHERE user_id = ?').run(Date.now() - 1000, user.id);
    db.close();

    expect((await request.get(`${liveUrl}/api/auth/invite/${token}`)).status()).toBe(404);
    const accept = await request.post(`${liveUrl}/api/auth/invite/${token}`, {
      headers: origin,
      data: { password: 'a long enough password' },
    });
    expect(accept.status()).toBe(404);
    // Duplicate e-mail: 409; an unknown group in a scope: 400.
    const duplicate = await request.post(`${liveUrl}/api/admin/users`, {
      headers: origin,
      data: { email: techEmail.toUpperCase(), name: 'Twin', role: 'viewer' },
    });
    expect(duplicate.status()).toBe(409);
    const unknownGroup = await request.post(`${liveUrl}/api/admin/users`, {
      headers: origin,
      data: {
        email: `scoped-${stamp}@example.com`,
        name: 'Nowhere',
        role: 'viewer',
        scope: { kind: 'groups', groupIds: ['no-such-group'] },
      },
    });
    expect(unknownGroup.status()).toBe(400);
  });

  test('the last enabled admin cannot be demoted or disabled; break-glass stays on without another admin', async ({
    request,
  }) => {
    const created = await request.post(`${liveUrl}/api/admin/users`, {
      headers: origin,
      data: { email: `boss-${stamp}@example.com`, name: 'Only Admin', role: 'admin' },
    });
    expect(created.status()).toBe(201);
    const { user } = (await created.json()) as { user: { id: string; scope: unknown } };
    // An admin is always the whole fleet.
    expect(user.scope).toEqual({ kind: 'fleet' });
    for (const change of [{ disabled: true }, { role: 'viewer' }]) {
      const refused = await request.patch(`${liveUrl}/api/admin/users/${user.id}`, {
        headers: origin,
        data: change,
      });
      expect(refused.status(), JSON.stringify(change)).toBe(409);
    }
    // That admin has no password yet, so nobody but break-glass could sign in as admin.
    const off = await request.post(`${liveUrl}/api/admin/break-glass`, {
      headers: origin,
      data: { enabled: false },
    });
    expect(off.status()).toBe(409);
    expect(
      (
        await request.patch(`${liveUrl}/api/admin/users/no-such-user`, {
          headers: origin,
          data: { name: 'x' },
        })
      ).status(),
    ).toBe(404);
  });

  test('TOTP enrolment: a wrong code is refused, a real one turns it on and shows 10 recovery codes once', async () => {
    const page = await person.newPage();
    await page.goto(`${liveUrl}/account`);
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
    secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const good = totpCode(secret, Date.now());
    await page.getByLabel('Code from the app').fill(good === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect(page.getByText('That code does not match')).toBeVisible();

    await page.getByLabel('Code from the app').fill(totpCode(secret, Date.now()));
    await page.getByRole('button', { name: 'Turn on' }).click();
    const shown = page.getByTestId('recovery-codes');
    await expect(shown).toBeVisible();
    recoveryCodes = await shown.getByRole('listitem').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await expect(page.getByText(/On\. 10 recovery codes left/)).toBeVisible();
    await page.close();
  });

  test('sign-in asks for the code: a wrong one fails, a fresh one signs in', async () => {
    await person.request.post(`${liveUrl}/api/auth/logout`, { headers: origin });
    expect((await sessionOf(person.request)).status).toBe(401);
    const page = await person.newPage();
    await page.goto(`${liveUrl}/login`);
    await page.getByLabel('E-mail').fill(techEmail);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const code = page.getByLabel('Code from your authenticator app');
    await expect(code).toBeVisible();
    // Not signed in between the two steps.
    expect((await sessionOf(person.request)).status).toBe(401);
    // The enrolment's code was spent; the next step's code (accepted one step early) is new.
    const next = totpCode(secret, Date.now() + 30_000);
    await code.fill(next === '123456' ? '654321' : '123456');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('That code is not right')).toBeVisible();
    await code.fill(next);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${liveUrl}/`);
    expect((await sessionOf(person.request)).status).toBe(200);
    await page.close();
  });

  test('a recovery code signs in once', async ({ playwright }) => {
    await person.request.post(`${liveUrl}/api/auth/logout`, { headers: origin });
    const api = await playwright.request.newContext({ baseURL: liveUrl, extraHTTPHeaders: origin });
    const passwordStep = async () => {
      const response = await api.post('/api/auth/login', { data: { email: techEmail, password } });
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { next?: string; ticket?: string };
      expect(body.next).toBe('totp');
      // No session before the second factor.
      expect(response.headers()['set-cookie']).toBeUndefined();
      return body.ticket!;
    };
    const code = recoveryCodes[0]!;
    const first = await api.post('/api/auth/login/totp', { data: { ticket: await passwordStep(), code } });
    expect(first.status()).toBe(200);
    expect((await api.get('/api/account')).status()).toBe(200);
    await api.post('/api/auth/logout');
    const second = await api.post('/api/auth/login/totp', { data: { ticket: await passwordStep(), code } });
    expect(second.status()).toBe(401);
    await api.dispose();
  });

  test('disabling the person mid-session: their next API request gets 401', async ({
    request,
    playwright,
  }) => {
    // A session through a recovery code (the TOTP step of this minute may be spent).
    const api = await playwright.request.newContext({ baseURL: liveUrl, extraHTTPHeaders: origin });
    const ticket = (
      (await (await api.post('/api/auth/login', { data: { email: techEmail, password } })).json()) as {
        ticket: string;
      }
    ).ticket;
    expect(
      (await api.post('/api/auth/login/totp', { data: { ticket, code: recoveryCodes[1]! } })).status(),
    ).toBe(200);
    expect((await api.get('/api/account')).status()).toBe(200);
    expect((await api.get('/api/fleet/summary')).status()).toBe(200);

    const users = (await (await request.get(`${liveUrl}/api/admin/users`)).json()) as {
      users: {
        id: string;
        email: string;
        totpEnabled: boolean;
        recoveryCodesLeft: number;
        lastSignInAt: number | null;
      }[];
    };
    expect(users.users.find((user) => user.id === userId)).toMatchObject({
      totpEnabled: true,
      recoveryCodesLeft: 8,
    });

    const disable = await request.patch(`${liveUrl}/api/admin/users/${userId}`, {
      headers: origin,
      data: { disabled: true },
    });
    expect(disable.status()).toBe(200);
    expect((await api.get('/api/fleet/summary')).status()).toBe(401);
    expect((await api.get('/api/account')).status()).toBe(401);
    await api.dispose();

    // The audit log names the person on their own entries.
    const audit = await (await request.get(`${liveUrl}/api/admin/audit`)).text();
    expect(audit).toContain(`${techName} <${techEmail}>`);
    expect(audit).toContain('user.update');
  });

  test('a reset link (after enabling again) works once and signs in; changing the password ends the older session', async ({
    request,
    playwright,
  }) => {
    expect(
      (
        await request.patch(`${liveUrl}/api/admin/users/${userId}`, {
          headers: origin,
          data: { disabled: false },
        })
      ).status(),
    ).toBe(200);
    const reset = await request.post(`${liveUrl}/api/admin/users/${userId}/reset`, { headers: origin });
    expect(reset.status()).toBe(201);
    const token = ((await reset.json()) as { inviteUrl: string }).inviteUrl.split('/').pop()!;
    const info = (await (await request.get(`${liveUrl}/api/auth/invite/${token}`)).json()) as {
      purpose: string;
    };
    expect(info.purpose).toBe('reset');

    const api = await playwright.request.newContext({ baseURL: liveUrl, extraHTTPHeaders: origin });
    const newPassword = `${password} renewed`;
    const accepted = await api.post(`/api/auth/invite/${token}`, { data: { password: newPassword } });
    expect(accepted.status()).toBe(200);
    const firstCookie = accepted.headers()['set-cookie']!.split(';')[0]!;
    expect((await api.get('/api/account')).status()).toBe(200);
    expect(
      (await api.post(`/api/auth/invite/${token}`, { data: { password: 'yet another password' } })).status(),
    ).toBe(404);

    const wrong = await api.post('/api/account/password', {
      data: { current: password, password: 'whatever it is now' },
    });
    expect(wrong.status()).toBe(400);
    const changed = await api.post('/api/account/password', {
      data: { current: newPassword, password: `${newPassword} again` },
    });
    expect(changed.status()).toBe(200);
    // This browser carries on under the new cookie; the cookie from before the change is refused.
    expect((await api.get('/api/account')).status()).toBe(200);
    const old = await fetch(`${liveUrl}/api/account`, { headers: { Cookie: firstCookie } });
    expect(old.status).toBe(401);
    await api.dispose();
  });
});
