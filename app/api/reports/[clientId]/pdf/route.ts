import { reportPdfRoute } from '@/lib/api/routes/reports/report-pdf';

export const GET = reportPdfRoute.next;
export const dynamic = 'force-dynamic';
