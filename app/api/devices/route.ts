import { devicesRoute } from '@/lib/api/routes/devices';

export const GET = devicesRoute.next;
export const dynamic = 'force-dynamic';
