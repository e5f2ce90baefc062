import { clientPostureRoute } from '@/lib/api/routes/posture';

export const GET = clientPostureRoute.next;
export const dynamic = 'force-dynamic';
