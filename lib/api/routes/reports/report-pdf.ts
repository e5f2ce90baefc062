import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { renderReportPdf } from '@/lib/reports/pdf';
import { readReportFor, reportFileName } from '@/lib/reports/report-for-access';
import 'server-only';
import { z } from 'zod';

const query = z.strictObject({
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
    .optional(),
  paper: z.enum(['a4', 'letter'], { error: 'must be a4 or letter' }).optional(),
});

/** GET /api/reports/:clientId/pdf?period=YYYY-MM&paper=a4|letter — the report as a PDF. */
export const reportPdfRoute = route('reports.pdf', async (request, params, access) => {
  const { period, paper } = parseQuery(request, query);
  const { report, branding } = await readReportFor(access, params.clientId ?? '', period, Date.now());
  const pdf = await renderReportPdf(report, branding, { paper });
  return {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${reportFileName(report)}"`,
      'Cache-Control': 'private, no-store',
    },
    body: pdf,
  };
});
