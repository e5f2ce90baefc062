import { listReportArchiveRoute } from '@/lib/api/routes/admin/report-archive';

export const GET = listReportArchiveRoute.next;
export const dynamic = 'force-dynamic';
