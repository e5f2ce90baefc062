import { expect, test } from '@playwright/test';
import { demoUrl } from './support/env';
import { createPerson } from './support/people';

// The client report page (issue 20): a person within scope reads it and its PDF; a scoped person
// asking for another client gets the same 404 as for an unknown id; printing shows the report alone.

interface GroupNode {
  id: string;
  name: string;
  parentId: string | null;
  subtree: { devices: { total: number } };
}

async function clients(request: import('@playwright/test').APIRequestContext): Promise<GroupNode[]> {
  const { groups } = (await (await request.get('/api/groups')).json()) as { groups: GroupNode[] };
  return groups
    .filter((g) => g.parentId === null && g.subtree.devices.total > 0)
    .sort((a, b) => b.subtree.devices.total - a.subtree.devices.total);
}

/** The previous calendar month in UTC (a client nobody configured reports in UTC). */
function previousMonth(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

test.describe('client reports', () => {
  test('an admin reads a client report, changes the month and downloads the PDF', async ({
    page,
    request,
  }) => {
    const [client] = await clients(request);
    if (!client) throw new Error('the demo fleet needs a client');
    await page.goto(`/reports/${client.id}`);
    const report = page.locator('.lb-report');
    await expect(report.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
    await expect(report.getByRole('heading', { name: 'Executive summary' })).toBeVisible();
    await expect(report.getByRole('heading', { name: 'Availability and SLA' })).toBeVisible();
    await expect(page.getByTestId('report-period')).toHaveValue(previousMonth());
    await expect(report).toHaveAttribute('data-report-period', previousMonth());

    const options = await page.getByTestId('report-period').locator('option').allInnerTexts();
    expect(options).toHaveLength(12);
    const older = await page.getByTestId('report-period').locator('option').nth(1).getAttribute('value');
    await page.getByTestId('report-period').selectOption(older ?? '');
    await expect(page).toHaveURL(new RegExp(`period=${older}`));
    await expect(report).toHaveAttribute('data-report-period', older ?? '');

    const href = await page.getByTestId('report-pdf').getAttribute('href');
    const pdf = await request.get(href ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toMatch(new RegExp(`${older}\\.pdf"$`));
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    expect((await request.get(`/api/reports/${client.id}/pdf?period=2026-13`)).status()).toBe(400);
    expect((await request.get(`/api/reports/${client.id}/pdf?period=2999-01`)).status()).toBe(400);
    expect((await request.get('/api/reports/no-such-client/pdf')).status()).toBe(404);
  });

  test('a technician scoped to one client gets 404 for another, page and PDF alike', async ({
    request,
    browser,
  }) => {
    const [mine, other] = await clients(request);
    if (!mine || !other) throw new Error('the demo fleet needs two clients');
    const tech = await createPerson(request, demoUrl, {
      role: 'technician',
      scope: { kind: 'groups', groupIds: [mine.id] },
    });
    const headers = { Cookie: tech.cookie };
    const own = await fetch(`${demoUrl}/api/reports/${mine.id}/pdf`, { headers });
    expect(own.status).toBe(200);
    await own.body?.cancel();
    const foreign = await fetch(`${demoUrl}/api/reports/${other.id}/pdf`, { headers });
    const unknown = await fetch(`${demoUrl}/api/reports/no-such-client/pdf`, { headers });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe((await unknown.text()).replace('no-such-client', other.id));

    const context = await browser.newContext({ storageState: undefined });
    const [name, value] = tech.cookie.split('=');
    await context.addCookies([{ name: name ?? '', value: value ?? '', url: demoUrl }]);
    const page = await context.newPage();
    const response = await page.goto(`${demoUrl}/reports/${other.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('.lb-report')).toHaveCount(0);
    await page.goto(`${demoUrl}/reports/${mine.id}`);
    await expect(
      page.locator('.lb-report').getByRole('heading', { level: 1, name: mine.name }),
    ).toBeVisible();
    await context.close();
  });

  test('printing shows the report alone, A4 or Letter', async ({ page, request }) => {
    const [client] = await clients(request);
    await page.goto(`/reports/${client?.id}?paper=letter`);
    await expect(page.locator('.lb-report')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header').first()).toBeHidden();
    await expect(page.getByTestId('report-period')).toBeHidden();
    await expect(page.locator('.lb-report')).toBeVisible();
    const css = await page.locator('.lb-report style').first().textContent();
    expect(css).toContain('size: Letter');
    // The print engine lays it out on paper: more than one page, and the sections all there.
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByTestId('report-period')).toBeVisible();
  });

  test('branding: a logo too large is refused, the preview follows the form, the report carries it', async ({
    page,
    request,
  }) => {
    const before = await (await request.get('/api/admin/reports/branding')).json();
    try {
      await page.goto('/settings/reports/branding');
      const preview = page.getByTestId('branding-preview');
      await page.getByLabel('Name').fill('Northwind IT');
      await expect(preview.getByText('Northwind IT')).toBeVisible();
      await page.locator('#branding-colour').fill('#0f766e');
      await page.locator('#branding-logo').setInputFiles({
        name: 'big.png',
        mimeType: 'image/png',
        buffer: Buffer.alloc(60_000, 1),
      });
      await expect(page.getByRole('alert').filter({ hasText: 'KB' })).toContainText('at most 45 KB');
      // A 1×1 PNG.
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      );
      await page
        .locator('#branding-logo')
        .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
      await expect(preview.getByRole('img', { name: 'Northwind IT logo' })).toBeVisible();
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
      const saved = await (await request.get('/api/admin/reports/branding')).json();
      expect(saved.branding).toMatchObject({ name: 'Northwind IT', colour: '#0f766e' });
      expect(saved.branding.logoDataUrl).toMatch(/^data:image\/png;base64,/);

      const [client] = await clients(request);
      await page.goto(`/reports/${client?.id}`);
      await expect(page.locator('.lb-report .brand-name')).toHaveText('Northwind IT');
      expect(
        (
          await request.put('/api/admin/reports/branding', { data: {}, headers: { Origin: demoUrl } })
        ).status(),
      ).toBe(400);
    } finally {
      await request.put('/api/admin/reports/branding', {
        data: before.branding,
        headers: { Origin: demoUrl },
      });
    }
  });
});
