import {
  getClientReportSettingsRoute,
  putClientReportSettingsRoute,
} from '@/lib/api/routes/reports/client-settings';

export const GET = getClientReportSettingsRoute.next;
export const PUT = putClientReportSettingsRoute.next;
export const dynamic = 'force-dynamic';
