import { getStore } from '@/lib/db/instance';
import { NotFoundError } from '@/lib/domain/errors';
import { fleetService } from '@/lib/fleet/instance';
import { whenReady } from '@/lib/readiness';
import { pdfOfLink } from '@/lib/reports/archive-store';
import { openReportLink } from '@/lib/reports/report-link';
import { produceReport } from '@/lib/reports/send-report';
import { NextResponse, type NextRequest } from 'next/server';

// A report link's PDF: the one archived when the link was sent, or (a link made without a
// sending) printed now. Any other session — none, a revoked link, another kind — gets the 404 an
// unknown link gets.

export const dynamic = 'force-dynamic';

const notFound = () =>
  new NextResponse('This link is not valid. It may have expired or been revoked.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

export async function GET(request: NextRequest) {
  await whenReady();
  const opened = await openReportLink(request.headers.get('cookie') ?? undefined);
  if (!opened) return notFound();
  const store = await getStore();
  let pdf = await pdfOfLink(store, opened.linkId);
  if (!pdf) {
    const snapshot = fleetService().current();
    if (!snapshot) return notFound();
    try {
      pdf = (await produceReport(store, snapshot, opened.clientId, opened.period, Date.now())).pdf;
    } catch (error) {
      if (error instanceof NotFoundError) return notFound();
      throw error;
    }
  }
  return new NextResponse(new Uint8Array(pdf), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'inline; filename="report.pdf"',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
