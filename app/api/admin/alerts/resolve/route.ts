import { resolveAlertsRoute } from '@/lib/api/routes/admin/actions/alerts';

export const POST = resolveAlertsRoute.next;
export const dynamic = 'force-dynamic';
