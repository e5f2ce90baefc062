import { ReportDocument } from '@/components/reports/ReportDocument';
import { getStore } from '@/lib/db/instance';
import { NotFoundError } from '@/lib/domain/errors';
import { fleetService } from '@/lib/fleet/instance';
import { whenReady } from '@/lib/readiness';
import { readBranding } from '@/lib/reports/branding';
import { buildClientReport } from '@/lib/reports/build-report';
import { openReportLink, REPORT_LINK_PDF } from '@/lib/reports/report-link';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';

// What a report link opens (`/s/<token>` sends its session here): that client's report for that
// period, and its PDF. Nothing else: the session has no role anywhere else (lib/auth/access.ts).

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Report', referrer: 'no-referrer' };

async function load() {
  const jar = await cookies();
  await whenReady();
  const header = jar
    .getAll()
    .map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`)
    .join('; ');
  const opened = await openReportLink(header);
  if (!opened) notFound();
  const snapshot = fleetService().current();
  if (!snapshot) return null;
  const store = await getStore();
  try {
    const report = await buildClientReport(store, snapshot, opened.clientId, opened.period, Date.now());
    return { report, branding: await readBranding(store) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function ReportLinkPage() {
  const loaded = await load();
  if (!loaded)
    return (
      <main className="mx-auto max-w-xl p-8" data-testid="report-link-wait">
        <p>The report is being prepared. Try again in a minute.</p>
      </main>
    );
  const { report, branding } = loaded;
  return (
    <main className="min-h-dvh bg-white py-6 text-slate-900" data-testid="report-link">
      <div className="mx-auto mb-4 flex max-w-[210mm] justify-end px-4 print:hidden">
        <a
          href={REPORT_LINK_PDF}
          className="rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700"
          data-testid="report-link-pdf"
        >
          Download PDF
        </a>
      </div>
      <ReportDocument report={report} branding={branding} />
    </main>
  );
}
