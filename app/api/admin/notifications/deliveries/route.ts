import { deliveriesRoute } from '@/lib/api/routes/notifications/deliveries';

export const GET = deliveriesRoute.next;
export const dynamic = 'force-dynamic';
