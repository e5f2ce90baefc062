import { postureSummaryRoute } from '@/lib/api/routes/posture';

export const GET = postureSummaryRoute.next;
export const dynamic = 'force-dynamic';
