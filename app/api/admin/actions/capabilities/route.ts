import { actionCapabilitiesRoute } from '@/lib/api/routes/admin/actions/capabilities';

export const GET = actionCapabilitiesRoute.next;
export const dynamic = 'force-dynamic';
