import { healthRoute } from '@/lib/api/routes/health';

export const GET = healthRoute.next;
export const dynamic = 'force-dynamic';
