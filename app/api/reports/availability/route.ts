import { availabilityRoute } from '@/lib/api/routes/reports/availability';

export const GET = availabilityRoute.next;
export const dynamic = 'force-dynamic';
