import type { Paper } from '@/components/reports/report-css';
import { ReportDocument } from '@/components/reports/ReportDocument';
import type { ClientReport } from '@/lib/domain/client-report';
import type { ReportBranding } from '@/lib/domain/report-settings';
import { escapeHtml, renderStatic } from '@/lib/reports/static-markup';
import 'server-only';

/** The report as one self-contained HTML document: its CSS inlined, images as data URLs, no script. */
export function reportHtml(report: ClientReport, branding: ReportBranding, paper: Paper = 'a4'): string {
  const title = `${report.clientName} · ${report.periodLabel} · ${branding.name}`;
  const body = renderStatic(<ReportDocument report={report} branding={branding} paper={paper} />);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>html,body{margin:0;background:#fff}</style></head><body>${body}</body></html>`;
}
