import type { ReportBranding } from '@/lib/domain/report-settings';
import type { ReportMail } from '@/lib/reports/mailer';
import type { ClientReport } from '@/lib/reports/model';
import { escapeHtml as escape } from '@/lib/reports/static-markup';
import 'server-only';

// The e-mail a client's contacts receive: a short cover note, and the report attached or linked.
// Every value inserted into the HTML is escaped (a client or MSP name is the admin's free text).

function fileName(report: ClientReport): string {
  const client = report.clientName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'client';
  return `report-${client}-${report.periodKey.replace(/[^0-9A-Za-z.-]+/g, '_')}.pdf`;
}

export function reportEmail(input: {
  report: ClientReport;
  branding: ReportBranding;
  to: string[];
  pdf: Buffer | null;
  link: { url: string; expiresAt: number | null } | null;
}): ReportMail {
  const { report, branding } = input;
  const subject = `${branding.name} · ${report.clientName} report · ${report.periodLabel}`;
  const score = report.score.score === null ? null : Math.round(report.score.score);
  const summary = `Your ${report.periodLabel} report for ${report.clientName}${score === null ? '' : ` (executive score ${score})`}`;
  const expiry = input.link?.expiresAt
    ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: report.timeZone }).format(
        input.link.expiresAt,
      )
    : null;
  const lines = [
    `${summary}.`,
    input.link
      ? `Open it here: ${input.link.url}${expiry ? ` (the link works until ${expiry})` : ''}`
      : 'The report is attached as a PDF.',
    '',
    `— ${branding.name}`,
  ];
  const colour = /^#[0-9a-fA-F]{6}$/.test(branding.colour) ? branding.colour : '#2563eb';
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a">
<p>${escape(summary)}.</p>
${
  input.link
    ? `<p><a href="${escape(input.link.url)}" style="display:inline-block;padding:10px 16px;background:${colour};color:#fff;text-decoration:none;border-radius:6px">Open the report</a></p>${
        expiry ? `<p style="color:#475569;font-size:13px">The link works until ${escape(expiry)}.</p>` : ''
      }`
    : '<p>The report is attached as a PDF.</p>'
}
<p style="color:#475569">— ${escape(branding.name)}</p>
</body></html>`;
  return {
    to: input.to,
    subject,
    text: lines.join('\n'),
    html,
    attachment: input.pdf ? { filename: fileName(report), content: input.pdf } : undefined,
  };
}
