import { startSmtpReceiver, type SmtpReceiver } from '@/testing/notify-receivers';
import { expect, test, type APIRequestContext } from '@playwright/test';
import path from 'node:path';
import { SCREENSHOTS, liveUrl } from './support/env';

// Settings → Client reports in a browser, against the live server (simulator fleet, SQLite) and a
// real SMTP server on loopback reached through an e-mail notification channel: a schedule made
// in the editor, "send now" as a report link, the archive and its PDF, and the link opened in a
// browser with no session — it shows that report and its PDF, and nothing else.

const origin = { Origin: liveUrl };
let smtp: SmtpReceiver;
let channelId = '';

async function firstClient(api: APIRequestContext) {
  const { clients } = (await (await api.get(`${liveUrl}/api/fleet/clients`)).json()) as {
    clients: { id: string; name: string; rollup: { devices: { total: number } } }[];
  };
  const client = clients.find((candidate) => candidate.rollup.devices.total > 0) ?? clients[0];
  if (!client) throw new Error('the live fleet has no client');
  return client;
}

test.describe('client report delivery', () => {
  test.beforeAll(async ({ request }) => {
    smtp = await startSmtpReceiver({ noStartTls: true });
    const created = await request.post(`${liveUrl}/api/admin/notifications/channels`, {
      headers: origin,
      data: {
        name: 'Report mail (e2e)',
        kind: 'email',
        config: {
          host: '127.0.0.1',
          port: smtp.port,
          security: 'none',
          from: 'reports@msp.example',
          to: ['noc@msp.example'],
        },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    channelId = ((await created.json()) as { channel: { id: string } }).channel.id;
  });
  test.afterAll(async ({ request }) => {
    await request.delete(`${liveUrl}/api/admin/notifications/channels/${channelId}`, { headers: origin });
    await smtp.close();
  });

  test('schedule, send a report link now, archive and PDF; the link opens only its report', async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const client = await firstClient(request);
    const context = await browser.newContext({ baseURL: liveUrl, viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto('/settings/reports');

    // A schedule, through the editor.
    const editor = page.getByTestId('schedule-editor');
    await editor.getByLabel('Client').selectOption(client.id);
    await editor.getByLabel('Day of the month').selectOption('last');
    await editor.getByLabel('Time', { exact: true }).fill('07:30');
    await editor.getByLabel('Time zone').selectOption('Pacific/Auckland');
    await editor.getByLabel('Delivery').selectOption('link');
    await editor.getByLabel('Recipients').fill('owner@client.example');
    await editor.getByTestId('schedule-save').click();
    const row = page.getByTestId('schedule-row').filter({ hasText: client.name });
    await expect(row).toContainText('Monthly on the last day at 07:30 Pacific/Auckland');
    await expect(row).toContainText('owner@client.example');

    // Send now, as a report link, to one address.
    const send = page.getByTestId('send-now');
    await send.getByLabel('Client').selectOption(client.id);
    await send.getByLabel('Delivery').selectOption('link');
    await send.getByLabel('Recipients').fill('it@client.example');
    const month = await send.getByLabel('Month').inputValue();
    await expect(page.getByTestId('send-now-preview')).toHaveAttribute(
      'href',
      `/reports/${encodeURIComponent(client.id)}?period=${month}`,
    );
    await page.getByTestId('send-now-submit').click();
    await expect(page.getByTestId('send-now-result')).toHaveText('Sent to it@client.example.', {
      timeout: 60_000,
    });
    const archived = page.getByTestId('archive-row').filter({ hasText: client.name }).first();
    await expect(archived).toContainText('sent');
    await expect(archived).toContainText('it@client.example');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'reports-hub-sent-light-1920x1080.png'),
      fullPage: true,
    });

    // The archive's PDF, as the admin downloads it.
    const { entries } = (await (
      await request.get(`${liveUrl}/api/admin/reports/archive?clientId=${encodeURIComponent(client.id)}`)
    ).json()) as { entries: { pdfUrl: string | null; status: string; delivery: string }[] };
    expect(entries[0]).toMatchObject({ status: 'sent', delivery: 'link' });
    const pdf = await request.get(`${liveUrl}${entries[0]?.pdfUrl ?? ''}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The e-mail, and its link opened by someone with no session at all.
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail?.to).toEqual(['it@client.example']);
    const token = new RegExp(`${liveUrl}/s/([A-Za-z0-9_-]{43})`).exec(mail?.parsed.text ?? '')?.[1];
    expect(token).toBeDefined();
    const stranger = await browser.newContext({
      baseURL: liveUrl,
      storageState: { cookies: [], origins: [] },
      viewport: { width: 390, height: 844 },
    });
    const reader = await stranger.newPage();
    await reader.goto(`/s/${token}`);
    await expect(reader).toHaveURL(/\/report-link$/);
    await expect(reader.getByTestId('report-link')).toContainText(client.name);
    await reader.screenshot({ path: path.join(SCREENSHOTS, 'report-link-light-390x844.png') });
    const linkPdf = await reader.request.get('/report-link/pdf');
    expect(linkPdf.status()).toBe(200);
    expect(Buffer.compare(await linkPdf.body(), await pdf.body())).toBe(0);
    // Everything else answers it as it answers nobody.
    expect((await reader.request.get('/api/fleet/summary')).status()).toBe(401);
    expect((await reader.request.get('/api/devices')).status()).toBe(401);
    await reader.goto('/devices');
    await expect(reader).toHaveURL(/\/login/);
    await reader.goto('/wall');
    await expect(reader).toHaveURL(/\/login/);
    await stranger.close();

    // Tidy: the schedule goes (other specs read the hub).
    const { schedules } = (await (await request.get(`${liveUrl}/api/admin/reports/schedules`)).json()) as {
      schedules: { id: string }[];
    };
    for (const schedule of schedules)
      await request.delete(`${liveUrl}/api/admin/reports/schedules/${schedule.id}`, { headers: origin });
    await context.close();
  });

  test('the hub in light and dark, NOC 1920×1080 and phone 390×844', async ({ browser, request }) => {
    const client = await firstClient(request);
    const ids: string[] = [];
    for (const definition of [
      { dayOfMonth: 4, time: '08:00', timeZone: 'Europe/Berlin', delivery: 'attachment', recipients: [] },
      {
        dayOfMonth: 'last',
        time: '18:30',
        timeZone: 'America/New_York',
        period: 'previous_week',
        delivery: 'link',
        recipients: ['owner@client.example', 'it@client.example'],
      },
    ]) {
      const made = await request.post(`${liveUrl}/api/admin/reports/schedules`, {
        headers: origin,
        data: { clientId: client.id, definition },
      });
      expect(made.status(), await made.text()).toBe(201);
      ids.push(((await made.json()) as { schedule: { id: string } }).schedule.id);
    }
    for (const theme of ['light', 'dark'] as const) {
      for (const viewport of [
        { width: 1920, height: 1080 },
        { width: 390, height: 844 },
      ]) {
        const context = await browser.newContext({ baseURL: liveUrl, viewport });
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: theme });
        await page.addInitScript((value) => localStorage.setItem('levelboard-theme', value), theme);
        await page.goto('/settings/reports');
        await expect(
          page
            .locator('[data-testid="archive-row"], [data-testid="archive-card"]')
            .locator('visible=true')
            .first(),
        ).toBeVisible();
        await page.screenshot({
          path: path.join(SCREENSHOTS, `reports-hub-${theme}-${viewport.width}x${viewport.height}.png`),
          fullPage: true,
        });
        await context.close();
      }
    }
    for (const id of ids)
      await request.delete(`${liveUrl}/api/admin/reports/schedules/${id}`, { headers: origin });
  });
});
