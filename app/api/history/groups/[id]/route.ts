import { groupHistoryRoute } from '@/lib/api/routes/history';

export const GET = groupHistoryRoute.next;
export const dynamic = 'force-dynamic';
