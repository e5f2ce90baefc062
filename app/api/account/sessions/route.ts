import { ownSessionsRoute } from '@/lib/api/routes/admin/sessions';

export const GET = ownSessionsRoute.next;
export const dynamic = 'force-dynamic';
