import { endUserSessionsRoute } from '@/lib/api/routes/users/admin';

export const POST = endUserSessionsRoute.next;
export const dynamic = 'force-dynamic';
