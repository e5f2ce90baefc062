import { deviceRoute } from '@/lib/api/routes/device';

export const GET = deviceRoute.next;
export const dynamic = 'force-dynamic';
