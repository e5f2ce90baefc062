import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCREENSHOTS, demoUrl } from './support/env';
import { createLink } from './support/links';
import { applyTheme, type Theme } from './support/pages';
import { createPerson } from './support/people';
import { parseCsv } from './support/ui';

// Patch and security posture (issue 20) on the demo server: the routes honour scope and redaction,
// the filters refuse bad values, and the pages are shot in light and dark, NOC and phone.

interface Figures {
  devices: number;
  patchesKnown: number;
  securityKnown: number;
}
interface Summary {
  figures: Figures;
  clients: Array<{ id: string; name: string; figures: Figures }>;
}

async function postureReady(request: APIRequestContext): Promise<Summary> {
  // The leader's first posture round runs ~10 s after start; the first pass fetches 200 devices a minute.
  let summary: Summary | null = null;
  await expect
    .poll(
      async () => {
        summary = (await (await request.get(`${demoUrl}/api/posture`)).json()) as Summary;
        return summary.figures.securityKnown > 0 && summary.figures.patchesKnown >= 200;
      },
      { timeout: 150_000, intervals: [2_000] },
    )
    .toBe(true);
  return summary as unknown as Summary;
}

const get = (cookie: string, url: string) => fetch(`${demoUrl}${url}`, { headers: { cookie } });

test.describe('posture', () => {
  test('routes honour scope and redaction; filters answer 400 on bad values', async ({ request }) => {
    test.setTimeout(240_000);
    const summary = await postureReady(request);
    const [first, second] = summary.clients;
    expect(first && second).toBeTruthy();

    const scoped = await createPerson(request, demoUrl, {
      role: 'technician',
      scope: { kind: 'groups', groupIds: [first!.id] },
    });
    const own = await get(scoped.cookie, `/api/posture/clients/${first!.id}`);
    expect(own.status).toBe(200);
    const ownBody = (await own.json()) as { client: { id: string }; devices: unknown[] };
    expect(ownBody.client.id).toBe(first!.id);
    expect(ownBody.devices.length).toBeGreaterThan(0);
    const other = await get(scoped.cookie, `/api/posture/clients/${second!.id}`);
    expect(other.status).toBe(404);
    const unknown = await get(scoped.cookie, `/api/posture/clients/no-such-client`);
    expect(unknown.status).toBe(404);
    expect(await other.text()).not.toContain(second!.name);
    const theirs = (await (await get(scoped.cookie, '/api/posture')).json()) as Summary;
    expect(theirs.clients.map((c) => c.id)).toEqual([first!.id]);
    expect(theirs.figures.devices).toBe(first!.figures.devices);

    // A redacted link scoped to the first client: device names are pseudonyms, posture is shown.
    const link = await createLink(request, {
      name: `posture-${Date.now()}`,
      scope: { kind: 'group', groupId: first!.id },
      redact: true,
    });
    const opened = await fetch(`${demoUrl}/s/${link.token}`, { redirect: 'manual' });
    const linkCookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const redacted = (await (await get(linkCookie, `/api/posture/clients/${first!.id}`)).json()) as {
      devices: Array<{ id: string; name: string }>;
    };
    const full = (await (await request.get(`${demoUrl}/api/posture/clients/${first!.id}`)).json()) as {
      devices: Array<{ id: string; name: string }>;
    };
    expect(redacted.devices.length).toBeGreaterThan(0);
    const realNames = new Set(full.devices.map((d) => d.name));
    for (const d of redacted.devices) expect(realNames.has(d.name)).toBe(false);
    expect((await get(linkCookie, `/api/posture/clients/${second!.id}`)).status).toBe(404);

    for (const bad of ['patch=broken', 'risk=extreme', 'antivirus=maybe', 'encrypted=yes', 'eol=1']) {
      const answer = await request.get(`${demoUrl}/api/devices?${bad}`);
      expect(answer.status(), bad).toBe(400);
    }
    expect((await request.get(`${demoUrl}/api/posture?days=0`)).status()).toBe(400);
    const failed = (await (await request.get(`${demoUrl}/api/devices?patch=failed&limit=500`)).json()) as {
      data: Array<{ posture: { patch: string; failedUpdates: number } }>;
    };
    expect(failed.data.length).toBeGreaterThan(0);
    for (const row of failed.data) {
      expect(row.posture.patch).toBe('failed');
      expect(row.posture.failedUpdates).toBeGreaterThan(0);
    }
  });

  test('the CSV export carries the posture of the rows it exports', async ({ page, request }) => {
    test.setTimeout(240_000);
    await postureReady(request);
    await page.goto(`${demoUrl}/devices?patch=failed`);
    await expect(page.getByTestId('device-link').first()).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const [header, ...rows] = parseCsv(readFileSync((await download.path()) ?? '', 'utf8'));
    const column = (name: string) => header?.indexOf(name) ?? -1;
    for (const name of [
      'patches',
      'pending updates',
      'failed updates',
      'risk',
      'antivirus',
      'disk encrypted',
    ])
      expect(column(name), name).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThan(0);
    // Filtered on failed patches by the server: every exported row says so, with a count.
    for (const row of rows) {
      expect(row[column('patches')]).toBe('failed');
      expect(Number(row[column('failed updates')])).toBeGreaterThan(0);
      expect(['low', 'medium', 'high', 'critical', 'unknown']).toContain(row[column('risk')]);
      expect(['true', 'false', '']).toContain(row[column('disk encrypted')]);
    }
  });

  test('screenshots: overview, client page, filtered devices and the wall, light and dark, NOC and phone', async ({
    browser,
    request,
  }) => {
    test.setTimeout(300_000);
    const summary = await postureReady(request);
    const client = summary.clients.find((c) => c.figures.devices > 0)!;
    const wall = await createLink(request, {
      kind: 'wall',
      name: `posture-wall-${Date.now()}`,
      expiresInHours: null,
    });
    for (const theme of ['light', 'dark'] as Theme[]) {
      for (const viewport of [
        { width: 1920, height: 1080 },
        { width: 390, height: 844 },
      ]) {
        const context = await browser.newContext({ viewport, baseURL: demoUrl });
        const page = await context.newPage();
        await applyTheme(page, theme);
        const size = `${theme}-${viewport.width}x${viewport.height}`;
        await page.goto('/');
        await expect(page.getByTestId('posture-tile').first()).toBeVisible();
        await page
          .getByTestId('posture-card')
          .screenshot({ path: path.join(SCREENSHOTS, `posture-overview-${size}.png`) });
        await page.goto(`/groups/${encodeURIComponent(client.id)}`);
        await expect(page.getByTestId('client-posture').getByTestId('posture-patches')).toBeVisible();
        await page.getByTestId('client-posture').scrollIntoViewIfNeeded();
        await page
          .getByTestId('client-posture')
          .screenshot({ path: path.join(SCREENSHOTS, `posture-client-${size}.png`) });
        await page.goto('/devices?patch=failed');
        await expect(page.getByTestId('device-link').first()).toBeVisible();
        await page.screenshot({ path: path.join(SCREENSHOTS, `posture-devices-${size}.png`) });
        await context.close();
        if (viewport.width === 1920) {
          const screen = await browser.newContext({ viewport, storageState: { cookies: [], origins: [] } });
          const wallPage = await screen.newPage();
          await applyTheme(wallPage, theme);
          await wallPage.goto(`${demoUrl}/s/${wall.token}`);
          await wallPage.goto(`${demoUrl}/wall?views=fleet&shift=0&theme=${theme}`);
          await expect(wallPage.getByTestId('wall-posture')).toBeVisible({ timeout: 30_000 });
          await wallPage.screenshot({ path: path.join(SCREENSHOTS, `posture-wall-${size}.png`) });
          await screen.close();
        }
      }
    }
  });
});
