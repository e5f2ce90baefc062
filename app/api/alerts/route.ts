import { alertsRoute } from '@/lib/api/routes/alerts';

export const GET = alertsRoute.next;
export const dynamic = 'force-dynamic';
