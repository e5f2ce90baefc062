import { fleetHistoryRoute } from '@/lib/api/routes/history';

export const GET = fleetHistoryRoute.next;
export const dynamic = 'force-dynamic';
