import { notificationStatusRoute } from '@/lib/api/routes/notifications/status';

export const GET = notificationStatusRoute.next;
export const dynamic = 'force-dynamic';
