import { inviteUserRoute, listUsersRoute } from '@/lib/api/routes/users/admin';

export const GET = listUsersRoute.next;
export const POST = inviteUserRoute.next;
export const dynamic = 'force-dynamic';
