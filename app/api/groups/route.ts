import { groupsRoute } from '@/lib/api/routes/groups';

export const GET = groupsRoute.next;
export const dynamic = 'force-dynamic';
