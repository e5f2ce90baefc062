import { fleetSummaryRoute } from '@/lib/api/routes/fleet-summary';

export const GET = fleetSummaryRoute.next;
export const dynamic = 'force-dynamic';
