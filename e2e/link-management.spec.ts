import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { EXTRA_PORTS, LEVEL_KEY, SESSION_SECRET, demoUrl, liveUrl, simulatorOrigin } from './support/env';
import { createLink, linkRow, openAsTechnician, rememberToken, revokeLink } from './support/links';
import { startServer } from './support/processes';
import { apiJson, type DevicePage } from './support/ui';

// Link management a person can trust (issue 13): each behaviour in a real browser against the
// built server. The admin's page uses the storage-state cookie; technicians get fresh contexts.

interface LinkView {
  id: string;
  name: string;
  scope: { kind: string; deviceIds?: string[] };
  wall: Record<string, unknown> | null;
}
interface GroupRow {
  id: string;
  name: string;
  depth: number;
  path: string[];
  parentId: string | null;
  subtree: { devices: { total: number } };
}

const origin = (url: string) => ({ Origin: url });

async function links(admin: APIRequestContext, baseUrl = demoUrl): Promise<LinkView[]> {
  return (await apiJson<{ links: LinkView[] }>(admin, `${baseUrl}/api/admin/share-links`)).links;
}

async function groups(admin: APIRequestContext, baseUrl = demoUrl): Promise<GroupRow[]> {
  return (await apiJson<{ groups: GroupRow[] }>(admin, `${baseUrl}/api/groups`)).groups;
}

// On Settings, only what this work added is checked (the share-link and audit sections, an open
// dialog): other sections show whatever earlier specs left behind (e.g. walls of an older build).
const LINK_UI = [
  'section[aria-labelledby="links-heading"]',
  'section[aria-labelledby="audit-heading"]',
  'dialog[open]',
];

async function seriousViolations(page: Page, include: string[] = []) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of include) builder = builder.include(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

test.describe('link management', () => {
  test('revoking asks for confirmation, names the link, and Cancel keeps it', async ({ page, request }) => {
    const link = await createLink(request, { name: `Revoke me ${Date.now()}` });
    await page.goto('/settings');
    const row = linkRow(page, link.name);
    await row.getByRole('button', { name: `Revoke ${link.name}` }).click();
    const dialog = page.getByTestId('revoke-link-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading')).toHaveText(`Revoke “${link.name}”?`);
    await expect(dialog).toContainText('Whole fleet');
    expect(await seriousViolations(page, LINK_UI)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    // Cancel revoked nothing: the server still lets the link in.
    const still = (await links(request)).find((candidate) => candidate.id === link.id);
    expect(still).toMatchObject({ revokedAt: null });
    await expect(row).toContainText('active');

    await row.getByRole('button', { name: `Revoke ${link.name}` }).click();
    await dialog.getByRole('button', { name: 'Revoke link' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('revoked');
    const after = (await links(request)).find((candidate) => candidate.id === link.id);
    expect(after).not.toMatchObject({ revokedAt: null });
  });

  test('the list names the group path or the devices a link covers, and says when they vanished', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    // On the live server: its simulator is Level itself, so a device can really be deleted there.
    const all = await groups(request, liveUrl);
    const sub = all.find((group) => group.depth === 1);
    if (!sub) throw new Error('fixture needs a sub-group');
    const devices = (await apiJson<DevicePage>(request, `${liveUrl}/api/devices?sort=name&limit=5`)).data;
    const groupLink = await createLink(
      request,
      { name: `Sub-group ${Date.now()}`, scope: { kind: 'group', groupId: sub.id } },
      liveUrl,
    );
    const deviceLink = await createLink(
      request,
      { name: `Five devices ${Date.now()}`, scope: { kind: 'devices', deviceIds: devices.map((d) => d.id) } },
      liveUrl,
    );
    // A group made for this test and deleted again, and one device deleted in Level.
    const made = await request.post(`${liveUrl}/api/admin/groups`, {
      data: { name: `Doomed ${Date.now()}`, parentId: null },
      headers: origin(liveUrl),
    });
    expect(made.status(), await made.text()).toBe(201);
    const doomed = ((await made.json()) as { group: { id: string } }).group.id;
    const goneGroupLink = await createLink(
      request,
      { name: `Gone group ${Date.now()}`, scope: { kind: 'group', groupId: doomed } },
      liveUrl,
    );
    const victim = (await apiJson<DevicePage>(request, `${liveUrl}/api/devices?sort=-name&limit=1`)).data[0];
    if (!victim) throw new Error('no device');
    const goneDeviceLink = await createLink(
      request,
      { name: `Gone device ${Date.now()}`, scope: { kind: 'devices', deviceIds: [victim.id] } },
      liveUrl,
    );

    await page.goto(`${liveUrl}/settings`);
    await expect(linkRow(page, groupLink.name).getByTestId('link-covers')).toHaveText(sub.path.join(' / '));
    const named = devices.slice(0, 3).map((device) => device.displayName);
    await expect(linkRow(page, deviceLink.name).getByTestId('link-covers')).toHaveText(
      `${named.join(', ')} +2 more`,
    );
    for (const id of [sub.id, ...devices.map((d) => d.id)]) {
      await expect(page.getByTestId('share-links-table')).not.toContainText(id);
    }

    const removed = await request.delete(`${liveUrl}/api/admin/groups/${doomed}`, {
      headers: origin(liveUrl),
    });
    expect(removed.status(), await removed.text()).toBe(200);
    const deleted = await fetch(`${simulatorOrigin}/v2/devices/${victim.id}`, {
      method: 'DELETE',
      headers: { Authorization: LEVEL_KEY },
    });
    expect(deleted.status).toBe(200);
    // The list polls every 30 s; a reload after the next sync (5 s) shows the change sooner.
    await expect(async () => {
      await page.reload();
      await expect(linkRow(page, goneGroupLink.name).getByTestId('link-covers')).toHaveText(
        'Group no longer exists',
        { timeout: 2_000 },
      );
      await expect(linkRow(page, goneDeviceLink.name).getByTestId('link-covers')).toHaveText(
        'The device no longer exists',
        { timeout: 2_000 },
      );
    }).toPass({ timeout: 60_000 });
    expect(await seriousViolations(page, LINK_UI)).toEqual([]);
  });

  test('the audit log names links (ids only in a tooltip)', async ({ browser, page, request }) => {
    const link = await createLink(request, { name: `Audited ${Date.now()}` });
    const tech = await openAsTechnician(browser, link.token);
    await tech.context().close();
    await revokeLink(request, link.id);
    await page.goto('/settings');
    const audit = page.getByRole('region', { name: 'Audit log' });
    const rows = audit.getByTestId('audit-row');
    await expect(rows.filter({ hasText: 'share_link.revoke' }).first()).toContainText(link.name);
    await expect(rows.filter({ hasText: 'share_link.create' }).first()).toContainText(link.name);
    const use = rows.filter({ hasText: 'share_link.use' }).first();
    await expect(use).toContainText(`link “${link.name}”`);
    await expect(audit).not.toContainText(link.id);
    await expect(use.getByTestId('audit-target')).toHaveAttribute('title', `Link id ${link.id}`);
  });

  test('a device-list scope is chosen by name with a searchable picker', async ({ page, request }) => {
    const [first, second] = (
      await apiJson<DevicePage>(request, '/api/devices?sort=name&limit=40')
    ).data.filter((device, index) => index % 17 === 3);
    if (!first || !second) throw new Error('fixture needs devices');
    await page.goto('/settings');
    const name = `Picked ${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.locator('select[name="scopeKind"]').selectOption('devices');
    const picker = page.getByTestId('device-picker');
    await expect(picker).toContainText('of at most 1000');
    const search = picker.getByTestId('device-search');
    await search.fill(first.displayName.slice(0, -1));
    await picker.getByTestId('device-option').filter({ hasText: first.displayName }).first().click();
    await search.fill(second.displayName);
    await expect(picker.getByTestId('device-option').first()).toContainText(second.displayName);
    await search.press('Enter'); // adds the first match, does not submit
    await expect(picker.getByTestId('picked-device')).toHaveText([first.displayName, second.displayName]);
    expect(await seriousViolations(page, LINK_UI)).toEqual([]);
    // A chip can be removed again.
    await picker.getByRole('button', { name: `Remove ${second.displayName}` }).click();
    await expect(picker.getByTestId('picked-device')).toHaveText([first.displayName]);
    await page.getByRole('button', { name: 'Create link' }).click();
    rememberToken((await page.getByTestId('new-link-url').inputValue()).split('/s/')[1] ?? '');
    const created = (await links(request)).find((link) => link.name === name);
    expect(created?.scope).toEqual({ kind: 'devices', deviceIds: [first.id] });
  });

  test('the one-time link has a copy button and a QR code made in the browser', async ({ browser }) => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const sent: string[] = [];
    page.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''}`));
    await page.goto('/settings');
    await page.getByLabel('Name', { exact: true }).fill(`Copied ${Date.now()}`);
    await page.getByRole('button', { name: 'Create link' }).click();
    const url = await page.getByTestId('new-link-url').inputValue();
    const token = url.split('/s/')[1] ?? '';
    rememberToken(token);
    const before = sent.length;

    await page.getByTestId('copy-link').click();
    await expect(page.getByTestId('copy-link')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // The QR code is exactly this URL's code, drawn locally (a data: URL, nothing fetched).
    const qr = page.getByTestId('new-link-qr');
    await expect(qr).toBeVisible();
    const src = (await qr.getAttribute('src')) ?? '';
    expect(src.startsWith('data:image/svg+xml')).toBe(true);
    const expected = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    expect(decodeURIComponent(src.slice(src.indexOf(',') + 1))).toBe(expected);
    expect(await seriousViolations(page, LINK_UI)).toEqual([]);
    await page.waitForTimeout(500);
    expect(sent.slice(before).filter((line) => line.includes(token))).toEqual([]);
    await context.close();
  });

  test('without the Clipboard API (plain http), Copy selects the link instead', async ({ browser }) => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    const page = await context.newPage();
    await page.goto('/settings');
    await page.getByLabel('Name', { exact: true }).fill(`No clipboard ${Date.now()}`);
    await page.getByRole('button', { name: 'Create link' }).click();
    const input = page.getByTestId('new-link-url');
    const url = await input.inputValue();
    rememberToken(url.split('/s/')[1] ?? '');
    await page.getByTestId('copy-link').click();
    await expect(page.getByTestId('copy-state')).toHaveText(
      /Copied to the clipboard|Selected — press Ctrl\+C/,
    );
    await expect(input).toBeFocused();
    const selection = await input.evaluate((element: HTMLInputElement) =>
      element.value.slice(element.selectionStart ?? 0, element.selectionEnd ?? 0),
    );
    expect(selection).toBe(url);
    await context.close();
  });

  test("a wall link's settings can be edited after creation, validated and audited", async ({
    browser,
    page,
    request,
  }) => {
    const link = await createLink(request, {
      name: `Wall to edit ${Date.now()}`,
      kind: 'wall',
      expiresInHours: null,
      wall: { theme: 'dark', intervalSeconds: 20, highlightSeconds: 120 },
    });
    await page.goto('/settings');
    await linkRow(page, link.name)
      .getByRole('button', { name: `Edit wall settings of ${link.name}` })
      .click();
    const dialog = page.getByTestId('edit-wall-link-dialog');
    await expect(dialog.getByRole('heading')).toHaveText(`Wall settings of “${link.name}”`);
    await expect(dialog.getByLabel('Seconds per view')).toHaveValue('20');
    expect(await seriousViolations(page, LINK_UI)).toEqual([]);
    await dialog.getByLabel('Seconds per view').fill('45');
    await dialog.getByLabel('Theme').selectOption('light');
    await dialog.getByLabel('Last 24 hours').uncheck();
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await expect(dialog).toBeHidden();

    const saved = (await links(request)).find((candidate) => candidate.id === link.id);
    expect(saved?.wall).toEqual({
      views: ['fleet', 'clients', 'problems'],
      intervalSeconds: 45,
      holdMaxSeconds: 60, // the form's default now (a hold always has a maximum, issue 16)
      theme: 'light',
      sound: false,
      highlightSeconds: 120, // not on the form, kept
    });
    await expect(linkRow(page, link.name)).toContainText('3 views, 45 s');

    // The screen shows the new settings on its next load.
    const screen = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const wall = await screen.newPage();
    await wall.goto(`${demoUrl}/s/${link.token}`);
    await expect(wall).toHaveURL(`${demoUrl}/wall`);
    await expect(wall.locator('html')).not.toHaveClass(/\bdark\b/);
    await screen.close();

    // Validation and audit.
    const patch = (id: string, data: unknown) =>
      request.patch(`/api/admin/share-links/${id}`, { data, headers: origin(demoUrl) });
    const bad = await patch(link.id, { wall: { intervalSeconds: 1 } });
    expect(bad.status()).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('intervalSeconds');
    expect((await patch(link.id, { wall: { colour: 'red' } })).status()).toBe(400);
    expect((await patch('no-such-link', { wall: {} })).status()).toBe(404);
    const viewer = await createLink(request, { name: `Viewer ${Date.now()}` });
    expect((await patch(viewer.id, { wall: {} })).status()).toBe(400);
    const audit = await apiJson<{ entries: { action: string; target: string; detail: { name: string } }[] }>(
      request,
      '/api/admin/audit',
    );
    const entry = audit.entries.find((candidate) => candidate.action === 'share_link.update');
    expect(entry).toMatchObject({ target: link.id, detail: { name: link.name } });
  });

  test('a technician sees what their link shows and when it expires', async ({ browser, request }) => {
    const client = (await groups(request)).find(
      (group) => group.depth === 0 && group.subtree.devices.total > 0,
    );
    if (!client) throw new Error('fixture needs a client');
    const link = await createLink(request, {
      name: `Tech at ${client.name}`,
      scope: { kind: 'group', groupId: client.id },
      redact: true,
      expiresInHours: 72,
    });
    const tech = await openAsTechnician(browser, link.token);
    const details = tech.getByTestId('shared-view-details');
    await expect(details).toContainText(`“${link.name}”`);
    await expect(details).toContainText(`showing ${client.name}`);
    await expect(details).toContainText('expires in 3 days');
    await expect(details).toContainText('hostnames and users are hidden');
    expect(await seriousViolations(tech)).toEqual([]);
    await tech.context().close();

    const devices = (await apiJson<DevicePage>(request, '/api/devices?limit=2')).data.map((d) => d.id);
    const list = await createLink(request, {
      name: `Two devices ${Date.now()}`,
      scope: { kind: 'devices', deviceIds: devices },
      expiresInHours: 8,
    });
    const other = await openAsTechnician(browser, list.token);
    await expect(other.getByTestId('shared-view-details')).toContainText('showing 2 devices');
    await expect(other.getByTestId('shared-view-details')).toContainText('expires in 8 hours');
    await expect(other.getByTestId('shared-view-details')).not.toContainText('hidden');
    await other.context().close();
  });

  test('an open tab of a revoked link says so within one poll', async ({ browser, request }) => {
    for (const start of ['/', '/devices']) {
      const link = await createLink(request, { name: `Revoked while open ${Date.now()}` });
      const tech = await openAsTechnician(browser, link.token);
      if (start !== '/') await tech.goto(`${demoUrl}${start}`);
      const content =
        start === '/'
          ? tech.getByTestId('tile-total').locator('[data-value]')
          : tech.getByTestId('device-row').first();
      await expect(content).toBeVisible();
      await revokeLink(request, link.id);
      // The slowest poll on every dashboard page is the session's own (15 s).
      const notice = tech.getByTestId('session-ended');
      await expect(notice).toBeVisible({ timeout: 17_000 });
      await expect(notice.getByRole('heading')).toHaveText('This link was revoked or has expired');
      await expect(tech.getByTestId('tile-total')).toHaveCount(0);
      await expect(tech.getByTestId('device-table')).toHaveCount(0);
      expect(await seriousViolations(tech)).toEqual([]);
      await tech.context().close();
    }
  });

  test('the login page claims a printed password only when one was generated', async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await browser.newPage({ storageState: { cookies: [], origins: [] } });
    // The demo server runs with ADMIN_PASSWORD set: nothing was printed.
    await page.goto(`${demoUrl}/login`);
    await expect(page.getByRole('heading', { name: 'Sign in to Levelboard' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText('printed');

    // Demo mode without ADMIN_PASSWORD: a password was generated and printed.
    const server = await startServer('login-hint', EXTRA_PORTS[0] ?? 3410, {
      LEVEL_API_KEY: '',
      SESSION_SECRET,
      COOKIE_SECURE: 'false',
      DEMO_DEVICES: '20',
    });
    try {
      await page.goto(`${server.url}/login`);
      await expect(page.locator('main')).toContainText('printed in the server console');
    } finally {
      await server.kill();
      await page.close();
    }
  });
});
