import { wallHeartbeatRoute } from '@/lib/api/routes/wall';

export const POST = wallHeartbeatRoute.next;
export const dynamic = 'force-dynamic';
