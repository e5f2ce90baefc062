import type { ReportBranding } from '@/lib/domain/report-settings';
import type { ClientReport } from '@/lib/reports/model';
import 'server-only';

/** Renders a report to PDF through Chromium's print engine (A4 unless `paper` says Letter). */
export async function renderReportPdf(
  report: ClientReport,
  branding: ReportBranding,
  options: { paper?: 'a4' | 'letter' } = {},
): Promise<Buffer> {
  void report;
  void branding;
  void options;
  throw new Error('not implemented yet');
}
