import { revokeShareLink } from '@/lib/auth/share-links';
import type { Store } from '@/lib/db/open';
import type { ReportPeriod } from '@/lib/domain/report';
import type { ReportBranding } from '@/lib/domain/report-settings';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { insertArchive, settleArchive, type ArchiveRow } from '@/lib/reports/archive-store';
import { readBranding } from '@/lib/reports/branding';
import { buildClientReport } from '@/lib/reports/build-report';
import type { ReportMailer } from '@/lib/reports/mailer';
import type { ClientReport } from '@/lib/reports/model';
import { reportEmail } from '@/lib/reports/report-email';
import { createReportLink } from '@/lib/reports/report-link';
import 'server-only';

// One report, start to end: build it, print it, archive it (with the PDF) and only then e-mail
// it, as an attachment or as a report link. The archive row is the record of what was sent: it
// ends `sent`, or `failed` with the reason (the mail server's answer when it refused).

export interface SendReportInput {
  clientId: string;
  period: ReportPeriod;
  delivery: 'attachment' | 'link' | 'none';
  /** Empty: the client's contacts (its report settings). */
  recipients: string[];
  linkDays: number;
  trigger: 'schedule' | 'manual';
  scheduleId: string | null;
}

export interface SendReportDeps {
  snapshot: FleetSnapshot;
  /** null: no mail server configured (the row is recorded as failed, saying so). */
  mailer: ReportMailer | null;
  /** The base of report links (PUBLIC_URL). */
  publicUrl: string;
  now: number;
  /** Build and print; the report helper's builder and Chromium's print engine by default. */
  produce?: (
    store: Store,
    snapshot: FleetSnapshot,
    clientId: string,
    period: ReportPeriod,
    now: number,
  ) => Promise<{ report: ClientReport; branding: ReportBranding; pdf: Buffer }>;
}

export async function produceReport(
  store: Store,
  snapshot: FleetSnapshot,
  clientId: string,
  period: ReportPeriod,
  now: number,
) {
  const report = await buildClientReport(store, snapshot, clientId, period, now);
  const branding = await readBranding(store);
  // Loaded on the first report, not at start-up: the scheduler starts with the process, and the
  // print engine's module (playwright-core) is needed only when a report is printed.
  const { renderReportPdf } = await import('@/lib/reports/pdf');
  return { report, branding, pdf: await renderReportPdf(report, branding) };
}

/** Throws NotFoundError for an unknown client (before anything is written). */
export async function sendReport(
  store: Store,
  input: SendReportInput,
  deps: SendReportDeps,
): Promise<ArchiveRow> {
  const produce = deps.produce ?? produceReport;
  const { report, branding, pdf } = await produce(
    store,
    deps.snapshot,
    input.clientId,
    input.period,
    deps.now,
  );
  const recipients = input.recipients.length > 0 ? input.recipients : report.settings.contacts;
  const link =
    input.delivery === 'link'
      ? await createReportLink(
          store,
          {
            clientId: input.clientId,
            clientName: report.clientName,
            periodLabel: report.periodLabel,
            period: input.period,
            days: input.linkDays,
          },
          deps.now,
        )
      : null;
  const row = await insertArchive(store, {
    clientId: input.clientId,
    period: input.period,
    createdAt: deps.now,
    trigger: input.trigger,
    scheduleId: input.scheduleId,
    delivery: input.delivery,
    recipients,
    shareLinkId: link?.link.id ?? null,
    pdf,
  });
  if (input.delivery === 'none') return row;
  const fail = async (error: string) => {
    // A link that was never delivered must not stay live: nobody was told its token.
    if (link) await revokeShareLink(store, link.link.id, deps.now);
    await settleArchive(store, row.id, { status: 'failed', error });
    return { ...row, status: 'failed' as const, error };
  };
  if (recipients.length === 0)
    return fail('No recipients: add contacts to the client’s report settings or to the schedule.');
  if (!deps.mailer)
    return fail('No mail server: set SMTP_URL or enable an e-mail channel in Settings → Notifications.');
  const mail = reportEmail({
    report,
    branding,
    to: recipients,
    pdf: input.delivery === 'attachment' ? pdf : null,
    link: link ? { url: `${deps.publicUrl}/s/${link.token}`, expiresAt: link.link.expiresAt } : null,
  });
  const result = await deps.mailer.send(mail);
  if (!result.sent) return fail(result.error);
  await settleArchive(store, row.id, { status: 'sent', error: null });
  return { ...row, status: 'sent', error: null };
}
