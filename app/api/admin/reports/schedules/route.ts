import { createReportScheduleRoute, listReportSchedulesRoute } from '@/lib/api/routes/admin/report-schedules';

export const GET = listReportSchedulesRoute.next;
export const POST = createReportScheduleRoute.next;
export const dynamic = 'force-dynamic';
