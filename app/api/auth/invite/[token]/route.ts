import { acceptInviteRoute, inviteInfoRoute } from '@/lib/api/routes/users/invite';

export const GET = inviteInfoRoute.next;
export const POST = acceptInviteRoute.next;
export const dynamic = 'force-dynamic';
