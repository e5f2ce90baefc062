import { accessFromCookies } from '@/lib/auth/access';
import { exchangeShareToken } from '@/lib/auth/exchange';
import { forgetShareLink } from '@/lib/auth/live-share-links';
import { findByToken, findShareLink, revokeShareLink } from '@/lib/auth/share-links';
import { DEFAULT_CLIENT_REPORT_SETTINGS } from '@/lib/domain/report-settings';
import { createChannel } from '@/lib/notify/channel-store';
import { getArchive, listArchive, readArchivePdf } from '@/lib/reports/archive-store';
import { writeClientReportSettings } from '@/lib/reports/client-settings';
import { reportMailer } from '@/lib/reports/mailer';
import { monthPeriod } from '@/lib/reports/period';
import { openReportLink } from '@/lib/reports/report-link';
import { sendReport, type SendReportInput } from '@/lib/reports/send-report';
import { startSmtpReceiver, type SmtpReceiver } from '@/testing/notify-receivers';
import { NOW, reportFixtureSnapshot, seedReportFixture } from '@/testing/report-fixture';
import { cookieHeaderOf, useTestAuth, type TestAuth } from '@/testing/sessions';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// A report from build to inbox: the real builder and Chromium's PDF, the archive in a real
// SQLite store, and the mail through nodemailer to a real SMTP server on loopback — once through
// the admin's e-mail notification channel (STARTTLS, sign-in), once through SMTP_URL.

const PASSWORD = 'report-smtp-pa55word';
const DAY = 86_400_000;
let auth: TestAuth;
let channelServer: SmtpReceiver;
let urlServer: SmtpReceiver;
const snapshot = reportFixtureSnapshot();
const november = monthPeriod('2026-11', 'UTC');

beforeAll(async () => {
  auth = await useTestAuth();
  await seedReportFixture(auth.store);
  channelServer = await startSmtpReceiver({ credentials: { user: 'levelboard', pass: PASSWORD } });
  urlServer = await startSmtpReceiver({ noStartTls: true });
  await createChannel(auth.store, {
    name: 'MSP mail',
    kind: 'email',
    config: {
      host: '127.0.0.1',
      port: channelServer.port,
      security: 'starttls',
      allowSelfSigned: true,
      from: 'noc@msp.example',
      to: ['noc@msp.example'],
      username: 'levelboard',
    },
    secret: { password: PASSWORD },
  });
}, 60_000);
afterAll(async () => {
  await channelServer.close();
  await urlServer.close();
  await auth.close();
});
beforeEach(() => {
  channelServer.reset();
  urlServer.reset();
});

const input = (overrides: Partial<SendReportInput> = {}): SendReportInput => ({
  clientId: 'c1',
  period: november,
  delivery: 'attachment',
  recipients: ['it@acme.example'],
  linkDays: 30,
  trigger: 'manual',
  scheduleId: null,
  ...overrides,
});

const pdfText = (pdf: Buffer) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'report-mail-')), 'attached.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
};

describe('sending a report', () => {
  it('as an attachment through the e-mail channel: the PDF arrives, is the archived one, and is the report', async () => {
    const mailer = await reportMailer(auth.store, {});
    expect(mailer?.from).toBe('noc@msp.example');
    const row = await sendReport(auth.store, input(), {
      snapshot,
      mailer,
      publicUrl: 'https://lb.example',
      now: NOW,
    });
    expect(row).toMatchObject({ status: 'sent', error: null, delivery: 'attachment', shareLinkId: null });
    expect(await getArchive(auth.store, row.id)).toMatchObject({
      status: 'sent',
      recipients: ['it@acme.example'],
      period: november,
      trigger: 'manual',
    });

    expect(channelServer.received).toHaveLength(1);
    const mail = channelServer.received[0];
    expect(mail?.user).toBe('levelboard');
    expect(mail?.from).toBe('noc@msp.example');
    expect(mail?.to).toEqual(['it@acme.example']);
    expect(mail?.parsed.subject).toBe('Levelboard · Acme Dental report · November 2026');
    const attachments = mail?.parsed.attachments ?? [];
    expect(attachments).toHaveLength(1);
    const attached = attachments[0];
    expect(attached?.contentType).toBe('application/pdf');
    expect(attached?.filename).toBe('report-Acme-Dental-2026-11.pdf');
    // A PDF (its magic bytes), byte for byte the one in the archive, and it reads as the report.
    expect(attached?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(
      Buffer.compare(attached?.content ?? Buffer.alloc(0), (await readArchivePdf(auth.store, row.id))!),
    ).toBe(0);
    const text = pdfText(attached?.content ?? Buffer.alloc(0));
    expect(text).toContain('Acme Dental');
    expect(text).toContain('November 2026');
  }, 60_000);

  it('as a report link through SMTP_URL to the client’s contacts: the link opens that report and nothing else', async () => {
    await writeClientReportSettings(
      auth.store,
      'c1',
      { ...DEFAULT_CLIENT_REPORT_SETTINGS, contacts: ['ceo@acme.example', 'it@acme.example'] },
      NOW,
    );
    const mailer = await reportMailer(auth.store, {
      SMTP_URL: `smtp://127.0.0.1:${urlServer.port}`,
      REPORT_FROM: 'reports@msp.example',
    });
    const row = await sendReport(auth.store, input({ delivery: 'link', recipients: [] }), {
      snapshot,
      mailer,
      publicUrl: 'https://lb.example',
      now: Date.now(),
    });
    expect(row).toMatchObject({ status: 'sent', recipients: ['ceo@acme.example', 'it@acme.example'] });
    expect(channelServer.received).toHaveLength(0);
    expect(urlServer.received).toHaveLength(1);
    const mail = urlServer.received[0];
    expect(mail?.from).toBe('reports@msp.example');
    expect(mail?.to).toEqual(['ceo@acme.example', 'it@acme.example']);
    expect(mail?.parsed.attachments).toHaveLength(0);
    const token = /https:\/\/lb\.example\/s\/([A-Za-z0-9_-]{43})/.exec(mail?.parsed.text ?? '')?.[1];
    expect(token).toBeDefined();
    expect(mail?.parsed.html).toContain(`href="https://lb.example/s/${token}"`);

    // The link: a report link scoped to that client and period, expiring in 30 days, recorded on the row.
    const link = await findByToken(auth.store, token ?? '');
    expect(link).toMatchObject({
      id: row.shareLinkId,
      kind: 'report',
      scope: { kind: 'group', groupId: 'c1' },
      reportPeriod: november,
      revokedAt: null,
    });
    expect((link?.expiresAt ?? 0) - link!.createdAt).toBe(30 * DAY);

    // Opened: its session lands on the report page, which opens c1's November …
    const opened = await exchangeShareToken(token ?? '', '127.0.0.1');
    expect(opened?.location).toBe('/report-link');
    const cookie = cookieHeaderOf(opened?.cookie ?? '');
    expect(await openReportLink(cookie)).toMatchObject({ clientId: 'c1', period: november });
    // … and nothing else: to every other page and route it is nobody, as a revoked link is.
    expect(await accessFromCookies(cookie)).toEqual({ access: null, setCookie: null });
    // Revoked, the report page closes too.
    await revokeShareLink(auth.store, link!.id);
    await forgetShareLink(link!.id);
    expect(await openReportLink(cookie)).toBeNull();
  }, 60_000);

  it('records a 5xx answer as failed, with the server’s words; the archived PDF stays', async () => {
    urlServer.failNext(1, { mode: 'reply', code: 550, text: 'Mailbox unavailable: it@acme.example' });
    const mailer = await reportMailer(auth.store, { SMTP_URL: `smtp://127.0.0.1:${urlServer.port}` });
    const row = await sendReport(auth.store, input(), {
      snapshot,
      mailer,
      publicUrl: 'https://lb.example',
      now: NOW,
    });
    expect(row.status).toBe('failed');
    expect(row.error).toContain('550');
    expect(row.error).toContain('Mailbox unavailable');
    expect(await getArchive(auth.store, row.id)).toMatchObject({ status: 'failed', error: row.error });
    expect((await readArchivePdf(auth.store, row.id))?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(urlServer.received).toHaveLength(0);

    // A report link that was refused is revoked: its token was never delivered.
    urlServer.failNext(1, { mode: 'reply', code: 550, text: 'Mailbox unavailable: it@acme.example' });
    const refused = await sendReport(auth.store, input({ delivery: 'link' }), {
      snapshot,
      mailer,
      publicUrl: 'https://lb.example',
      now: NOW,
    });
    expect(refused.status).toBe('failed');
    expect(refused.shareLinkId).not.toBeNull();
    expect(await findShareLink(auth.store, refused.shareLinkId ?? '')).toMatchObject({
      kind: 'report',
      revokedAt: NOW,
    });
  }, 60_000);

  it('fails in words without a mail server or recipients; `none` only archives', async () => {
    const noServer = await sendReport(auth.store, input(), {
      snapshot,
      mailer: null,
      publicUrl: '',
      now: NOW,
    });
    expect(noServer).toMatchObject({ status: 'failed' });
    expect(noServer.error).toMatch(/No mail server/);
    // A report link that could not be sent does not stay live.
    const noServerLink = await sendReport(auth.store, input({ delivery: 'link' }), {
      snapshot,
      mailer: null,
      publicUrl: '',
      now: NOW,
    });
    expect(noServerLink).toMatchObject({ status: 'failed' });
    expect(noServerLink.shareLinkId).not.toBeNull();
    expect((await findShareLink(auth.store, noServerLink.shareLinkId ?? ''))?.revokedAt).toBe(NOW);
    await writeClientReportSettings(auth.store, 'c1', DEFAULT_CLIENT_REPORT_SETTINGS, NOW);
    const mailer = await reportMailer(auth.store, {});
    const nobody = await sendReport(auth.store, input({ recipients: [] }), {
      snapshot,
      mailer,
      publicUrl: '',
      now: NOW,
    });
    expect(nobody.error).toMatch(/No recipients/);
    const archived = await sendReport(auth.store, input({ delivery: 'none' }), {
      snapshot,
      mailer,
      publicUrl: '',
      now: NOW,
    });
    expect(archived.status).toBe('generated');
    expect(channelServer.received).toHaveLength(0);
    const listed = await listArchive(auth.store, { clientId: 'c1', limit: 50 });
    expect(listed.map((entry) => entry.id)).toEqual(
      expect.arrayContaining([noServer.id, nobody.id, archived.id]),
    );
  }, 60_000);
});
