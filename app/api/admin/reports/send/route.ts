import { sendReportNowRoute } from '@/lib/api/routes/admin/report-archive';

export const POST = sendReportNowRoute.next;
export const dynamic = 'force-dynamic';
