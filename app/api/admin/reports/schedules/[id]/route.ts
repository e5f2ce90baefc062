import {
  deleteReportScheduleRoute,
  updateReportScheduleRoute,
} from '@/lib/api/routes/admin/report-schedules';

export const PATCH = updateReportScheduleRoute.next;
export const DELETE = deleteReportScheduleRoute.next;
export const dynamic = 'force-dynamic';
