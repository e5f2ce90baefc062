import { ReportDocument } from '@/components/reports/ReportDocument';
import { ReportToolbar } from '@/components/reports/ReportToolbar';
import { requireReader } from '@/lib/auth/page-access';
import { InvalidInputError, NotFoundError, UnavailableError } from '@/lib/domain/errors';
import { readReportFor } from '@/lib/reports/report-for-access';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

export const metadata: Metadata = { title: 'Client report' };
export const dynamic = 'force-dynamic';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requireReader();
  const { clientId: raw } = await params;
  const query = await searchParams;
  const clientId = safeDecode(raw);
  const paper = first(query.paper) === 'letter' ? 'letter' : 'a4';
  let read;
  try {
    read = await readReportFor(access, clientId, first(query.period));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof InvalidInputError || error instanceof UnavailableError)
      return (
        <p role="alert" className="rounded-md border border-line bg-raised p-4 text-sm">
          {error.message}
        </p>
      );
    throw error;
  }
  return (
    <div className="lb-report-page">
      <h1 className="sr-only">
        Report for {read.report.clientName}, {read.report.periodLabel}
      </h1>
      <ReportToolbar clientId={clientId} period={read.report.periodKey} months={read.months} paper={paper} />
      <div className="overflow-hidden rounded-lg border border-line print:rounded-none print:border-0">
        <ReportDocument report={read.report} branding={read.branding} paper={paper} />
      </div>
    </div>
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
