import { fleetClientsRoute } from '@/lib/api/routes/fleet-clients';

export const GET = fleetClientsRoute.next;
export const dynamic = 'force-dynamic';
