import type { Route } from '@/lib/api/handler';
import {
  listReportArchiveRoute,
  reportArchivePdfRoute,
  sendReportNowRoute,
} from '@/lib/api/routes/admin/report-archive';
import {
  createReportScheduleRoute,
  deleteReportScheduleRoute,
  listReportSchedulesRoute,
  updateReportScheduleRoute,
} from '@/lib/api/routes/admin/report-schedules';
import type { ReportArchiveEntry, ReportScheduleView } from '@/lib/domain/report-delivery';
import { DEFAULT_CLIENT_REPORT_SETTINGS } from '@/lib/domain/report-settings';
import { markReady } from '@/lib/readiness';
import { writeClientReportSettings } from '@/lib/reports/client-settings';
import { apiRequest } from '@/testing/api-request';
import { insertPerson } from '@/testing/people';
import { reportFixtureSnapshot, seedReportFixture } from '@/testing/report-fixture';
import { useTestAuth, type TestAuth } from '@/testing/sessions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Settings → Reports through its routes: schedules saved as given (with the next run worked out),
// bad input refused with zod's reason, unknown clients and ids told apart (400 / 404), "send now"
// archiving a real PDF that the archive lists and serves, every change audited, admins only.

const snapshot = reportFixtureSnapshot();
vi.mock('@/lib/fleet/instance', () => ({
  fleetService: () => ({ current: () => snapshot }),
  isSyncLeader: () => true,
}));

let auth: TestAuth;
let cookie: string;
beforeAll(async () => {
  auth = await useTestAuth();
  markReady();
  cookie = await auth.adminCookie();
  await seedReportFixture(auth.store);
});
afterAll(() => auth.close());

interface Answer {
  schedule: ReportScheduleView;
  schedules: ReportScheduleView[];
  entry: ReportArchiveEntry;
  entries: ReportArchiveEntry[];
  nextBefore: string | null;
  error: { message: string };
}

async function call(route: Route, method: string, path: string, body?: unknown, params = {}, as = cookie) {
  const result = await route.handle(
    apiRequest({
      method,
      path,
      headers: {
        cookie: as,
        origin: 'http://levelboard.test',
        host: 'levelboard.test',
        'content-type': 'application/json',
      },
      body: body === undefined ? '' : JSON.stringify(body),
    }),
    params,
  );
  const text = Buffer.isBuffer(result.body) ? '' : String(result.body ?? '');
  return {
    status: result.status,
    headers: result.headers,
    raw: result.body,
    body: (text.startsWith('{') ? JSON.parse(text) : {}) as Answer,
  };
}

const definition = {
  dayOfMonth: 'last',
  time: '07:30',
  timeZone: 'Asia/Kolkata',
  delivery: 'link',
  recipients: ['ceo@acme.example'],
};
const base = '/api/admin/reports/schedules';

async function auditActions(): Promise<string[]> {
  const rows = await auth.store.db.selectFrom('audit_log').select(['action']).orderBy('id').execute();
  return rows.map((row) => row.action);
}

describe('report schedules', () => {
  it('creates with defaults and the next run, lists, changes, disables and deletes, auditing each', async () => {
    const created = await call(createReportScheduleRoute, 'POST', base, { clientId: 'c1', definition });
    expect(created.status).toBe(201);
    const schedule = created.body.schedule;
    expect(schedule).toMatchObject({
      clientId: 'c1',
      clientName: 'Acme Dental',
      enabled: true,
      definition: { ...definition, period: 'previous_month', linkDays: 30 },
      lastRunAt: null,
    });
    // The last day of this month (or the next) at 07:30 IST = 02:00 Z.
    expect(schedule.nextRunAt).toMatch(/T02:00:00\.000Z$/);
    expect(Date.parse(schedule.nextRunAt ?? '')).toBeGreaterThan(Date.now());

    const listed = await call(listReportSchedulesRoute, 'GET', base);
    expect(listed.body.schedules.map((s) => s.id)).toEqual([schedule.id]);

    const changed = await call(
      updateReportScheduleRoute,
      'PATCH',
      `${base}/${schedule.id}`,
      { definition: { ...definition, dayOfMonth: 4, time: '08:00', timeZone: 'UTC' } },
      { id: schedule.id },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.schedule.nextRunAt).toMatch(/-04T08:00:00\.000Z$/);
    const off = await call(
      updateReportScheduleRoute,
      'PATCH',
      `${base}/${schedule.id}`,
      { enabled: false },
      {
        id: schedule.id,
      },
    );
    expect(off.body.schedule).toMatchObject({ enabled: false, nextRunAt: null });

    expect(
      (
        await call(deleteReportScheduleRoute, 'DELETE', `${base}/${schedule.id}`, undefined, {
          id: schedule.id,
        })
      ).status,
    ).toBe(200);
    expect((await call(listReportSchedulesRoute, 'GET', base)).body.schedules).toEqual([]);
    expect(await auditActions()).toEqual(
      expect.arrayContaining([
        'report_schedule.create',
        'report_schedule.update',
        'report_schedule.update',
        'report_schedule.delete',
      ]),
    );
  });

  it('refuses bad input with the field and reason (400), unknown clients (400) and ids (404)', async () => {
    const bad = async (body: unknown) => {
      const answer = await call(createReportScheduleRoute, 'POST', base, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      return answer.body.error.message;
    };
    expect(await bad({ clientId: 'c1', definition: { ...definition, dayOfMonth: 29 } })).toMatch(
      /dayOfMonth/,
    );
    expect(await bad({ clientId: 'c1', definition: { ...definition, time: '25:00' } })).toMatch(/HH:MM/);
    expect(await bad({ clientId: 'c1', definition: { ...definition, timeZone: 'Mars/Olympus' } })).toMatch(
      /IANA/,
    );
    expect(
      await bad({ clientId: 'c1', definition: { ...definition, recipients: ['not-an-address'] } }),
    ).toMatch(/recipients/);
    // A sub-group is not a client; an unknown id is not either.
    expect(await bad({ clientId: 'c1-sub', definition })).toMatch(/no client/);
    expect(await bad({ clientId: 'nope', definition })).toMatch(/no client/);

    const missing = await call(
      updateReportScheduleRoute,
      'PATCH',
      `${base}/nope`,
      { enabled: true },
      { id: 'nope' },
    );
    expect(missing.status).toBe(404);
    expect(
      (await call(deleteReportScheduleRoute, 'DELETE', `${base}/nope`, undefined, { id: 'nope' })).status,
    ).toBe(404);
  });

  it('is for admins only', async () => {
    const person = await insertPerson(auth.store, { role: 'technician' });
    const tech = await auth.personCookie(person.id);
    expect((await call(listReportSchedulesRoute, 'GET', base, undefined, {}, tech)).status).toBe(403);
    expect(
      (await call(listReportArchiveRoute, 'GET', '/api/admin/reports/archive', undefined, {}, tech)).status,
    ).toBe(403);
  });
});

describe('send now and the archive', () => {
  it('names an archived period in the client’s zone, not the reader’s', async () => {
    await writeClientReportSettings(
      auth.store,
      'c2',
      { ...DEFAULT_CLIENT_REPORT_SETTINGS, timeZone: 'Pacific/Auckland' },
      Date.now(),
    );
    try {
      const sent = await call(sendReportNowRoute, 'POST', '/api/admin/reports/send', {
        clientId: 'c2',
        period: '2026-11',
        delivery: 'none',
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      // November in Auckland (NZDT, UTC+13) starts on 31 October 11:00 UTC: a UTC reader's
      // calendar would have called it "31 Oct – 30 Nov".
      expect(sent.body.entry).toMatchObject({
        period: { start: '2026-10-31T11:00:00.000Z', end: '2026-11-30T11:00:00.000Z' },
        periodLabel: 'November 2026',
      });
      const listed = await call(listReportArchiveRoute, 'GET', '/api/admin/reports/archive?clientId=c2');
      expect(listed.body.entries.map((e) => e.periodLabel)).toEqual(['November 2026']);
      // The archived PDF is named by the client's month too, not by the UTC date of its start.
      const pdf = await call(reportArchivePdfRoute, 'GET', sent.body.entry.pdfUrl ?? '', undefined, {
        id: sent.body.entry.id,
      });
      expect(pdf.headers['Content-Disposition']).toBe('attachment; filename="report-c2-2026-11.pdf"');
    } finally {
      await auth.store.db.deleteFrom('client_report_settings').where('client_id', '=', 'c2').execute();
      await auth.store.db.deleteFrom('report_archive').where('client_id', '=', 'c2').execute();
    }
  });

  it('archives a real PDF for a chosen month, lists it newest first and serves it', async () => {
    const sent = await call(sendReportNowRoute, 'POST', '/api/admin/reports/send', {
      clientId: 'c1',
      period: '2026-11',
      delivery: 'none',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const entry = sent.body.entry;
    // The client's zone is UTC (defaults): November = 11-01 … 12-01.
    expect(entry).toMatchObject({
      clientId: 'c1',
      clientName: 'Acme Dental',
      period: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
      periodLabel: 'November 2026',
      trigger: 'manual',
      delivery: 'none',
      status: 'generated',
      pdfUrl: `/api/admin/reports/archive/${entry.id}/pdf`,
    });

    const listed = await call(
      listReportArchiveRoute,
      'GET',
      '/api/admin/reports/archive?clientId=c1&limit=5',
    );
    expect(listed.body.entries[0]?.id).toBe(entry.id);
    const other = await call(listReportArchiveRoute, 'GET', '/api/admin/reports/archive?clientId=c2');
    expect(other.body.entries).toEqual([]);
    expect(
      (
        await call(
          listReportArchiveRoute,
          'GET',
          `/api/admin/reports/archive?before=${encodeURIComponent(entry.createdAt)}`,
        )
      ).body.entries.map((e) => e.id),
    ).not.toContain(entry.id);
    expect((await call(listReportArchiveRoute, 'GET', '/api/admin/reports/archive?limit=0')).status).toBe(
      400,
    );

    const pdf = await call(reportArchivePdfRoute, 'GET', entry.pdfUrl ?? '', undefined, { id: entry.id });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['Content-Type']).toBe('application/pdf');
    expect(Buffer.isBuffer(pdf.raw) && pdf.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.raw && Buffer.byteLength(pdf.raw)).toBe(entry.pdfBytes);
    expect((await call(reportArchivePdfRoute, 'GET', '/x', undefined, { id: 'nope' })).status).toBe(404);
    expect(await auditActions()).toContain('report.send');
  }, 60_000);

  it('refuses bad input: a malformed month, an unknown delivery, an unknown client', async () => {
    const send = (body: unknown) => call(sendReportNowRoute, 'POST', '/api/admin/reports/send', body);
    expect((await send({ clientId: 'c1', period: '2026-13', delivery: 'none' })).body.error.message).toMatch(
      /YYYY-MM/,
    );
    expect((await send({ clientId: 'c1', delivery: 'fax' })).status).toBe(400);
    expect((await send({ clientId: 'nope', delivery: 'none' })).status).toBe(400);
    // A month that has not started (in the client's zone) is refused, as the report page does.
    const future = await send({ clientId: 'c1', period: '2099-01', delivery: 'none' });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/has not started/);
  });
});

describe('report links made by the admin', () => {
  it('names a client and a month; the token opens that report only', async () => {
    const { createShareLinkRoute } = await import('@/lib/api/routes/admin/share-links');
    const { openReportLink } = await import('@/lib/reports/report-link');
    const { exchangeShareToken } = await import('@/lib/auth/exchange');
    const { cookieHeaderOf } = await import('@/testing/sessions');
    const make = (body: Record<string, unknown>) =>
      call(createShareLinkRoute, 'POST', '/api/admin/share-links', {
        name: 'Acme November',
        kind: 'report',
        scope: { kind: 'group', groupId: 'c1' },
        expiresInHours: 24,
        reportMonth: '2026-11',
        ...body,
      });
    const made = (await make({})) as unknown as {
      status: number;
      body: { link: { kind: string; reportPeriod: unknown }; token: string };
    };
    expect(made.status).toBe(201);
    // The client's zone is UTC (no settings): November = 11-01 … 12-01 Z.
    const november = { start: Date.parse('2026-11-01T00:00:00Z'), end: Date.parse('2026-12-01T00:00:00Z') };
    expect(made.body.link).toMatchObject({ kind: 'report', reportPeriod: november });
    const opened = await exchangeShareToken(made.body.token, '127.0.0.1');
    expect(opened?.location).toBe('/report-link');
    expect(await openReportLink(cookieHeaderOf(opened?.cookie ?? ''))).toMatchObject({
      clientId: 'c1',
      period: november,
    });

    expect((await make({ reportMonth: undefined })).status).toBe(400);
    expect((await make({ scope: { kind: 'group', groupId: 'c1-sub' } })).body.error.message).toMatch(
      /client/,
    );
    expect((await make({ scope: { kind: 'fleet' } })).status).toBe(400);
    expect((await make({ redact: true })).status).toBe(400);
    expect((await make({ kind: 'viewer' })).body.error.message).toMatch(/reportMonth/);
    const future = await make({ reportMonth: '2099-01' });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/has not started/);
  });
});
