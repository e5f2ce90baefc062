import { metricsRoute } from '@/lib/api/routes/metrics';

export const GET = metricsRoute.next;
export const dynamic = 'force-dynamic';
