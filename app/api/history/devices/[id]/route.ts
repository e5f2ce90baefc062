import { deviceHistoryRoute } from '@/lib/api/routes/history';

export const GET = deviceHistoryRoute.next;
export const dynamic = 'force-dynamic';
