import { auditRequest } from '@/lib/api/audit-request';
import { parseBody } from '@/lib/api/body';
import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { requireClient } from '@/lib/api/routes/admin/report-schedules';
import { archiveView } from '@/lib/api/routes/admin/report-views';
import { json, type ApiResult } from '@/lib/api/types';
import { getStore } from '@/lib/db/instance';
import { InvalidInputError, NotFoundError, UnavailableError } from '@/lib/domain/errors';
import { archiveQuerySchema, sendNowSchema } from '@/lib/domain/report-delivery';
import { DEFAULT_CLIENT_REPORT_SETTINGS } from '@/lib/domain/report-settings';
import { getEnv } from '@/lib/env';
import { fleetService } from '@/lib/fleet/instance';
import { publicUrl } from '@/lib/notify/public-url';
import { getArchive, listArchive, readArchivePdf } from '@/lib/reports/archive-store';
import { readAllClientReportSettings, readClientReportSettings } from '@/lib/reports/client-settings';
import { reportMailer } from '@/lib/reports/mailer';
import { monthPeriod, periodKey, previousMonth } from '@/lib/reports/period';
import { sendReport } from '@/lib/reports/send-report';
import 'server-only';

// Settings → Reports: the archive of generated reports (with their PDFs) and "send now".

export const listReportArchiveRoute = route(
  'admin.reports.archive.list',
  async (request) => {
    const query = parseQuery(request, archiveQuerySchema.strict());
    const store = await getStore();
    const rows = await listArchive(store, query);
    const snapshot = fleetService().current();
    const settings = await readAllClientReportSettings(store);
    const zoneOf = (clientId: string) => (settings.get(clientId) ?? DEFAULT_CLIENT_REPORT_SETTINGS).timeZone;
    const last = rows.length === query.limit ? rows.at(-1) : undefined;
    return json({
      entries: rows.map((row) => archiveView(row, snapshot, zoneOf(row.clientId))),
      nextBefore: last ? new Date(last.createdAt).toISOString() : null,
    });
  },
  { access: 'admin' },
);

export function pdfResult(pdf: Buffer, fileName: string): ApiResult {
  return {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
    body: pdf,
  };
}

export const reportArchivePdfRoute = route(
  'admin.reports.archive.pdf',
  async (request, params) => {
    const id = params.id ?? '';
    const store = await getStore();
    const row = await getArchive(store, id);
    const pdf = row ? await readArchivePdf(store, id) : null;
    if (!row || !pdf) throw new NotFoundError(`No archived report with id "${id}".`);
    // Named by the period in the client's zone (its report's), not by the UTC date of its start.
    const { timeZone } = await readClientReportSettings(store, row.clientId);
    return pdfResult(pdf, `report-${row.clientId}-${periodKey(row.period, timeZone)}.pdf`);
  },
  { access: 'admin' },
);

export const sendReportNowRoute = route(
  'admin.reports.send',
  async (request, _params, access) => {
    const input = await parseBody(request, sendNowSchema);
    requireClient(input.clientId);
    const snapshot = fleetService().current();
    if (!snapshot) throw new UnavailableError('not_synced', 'The fleet has not been synced yet.');
    const store = await getStore();
    const now = Date.now();
    const { timeZone } = await readClientReportSettings(store, input.clientId);
    const period = input.period ? monthPeriod(input.period, timeZone) : previousMonth(now, timeZone);
    // As the report page refuses it (lib/reports/report-for-access.ts): no report of a month to come.
    if (period.start > now)
      throw new InvalidInputError('Invalid field "period": that month has not started.');
    const row = await sendReport(
      store,
      {
        clientId: input.clientId,
        period,
        delivery: input.delivery,
        recipients: input.recipients ?? [],
        linkDays: input.linkDays,
        trigger: 'manual',
        scheduleId: null,
      },
      { snapshot, mailer: await reportMailer(store, getEnv()), publicUrl: publicUrl(), now },
    );
    await auditRequest(store, access, request, {
      action: 'report.send',
      target: row.id,
      detail: {
        clientId: row.clientId,
        delivery: row.delivery,
        recipients: row.recipients,
        status: row.status,
        shareLinkId: row.shareLinkId,
      },
      result: row.status === 'failed' ? 'failed' : 'ok',
    });
    return json({ entry: archiveView(row, snapshot, timeZone) }, 201);
  },
  { access: 'admin' },
);
