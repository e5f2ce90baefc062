import { deleteGroupRoute, updateGroupRoute } from '@/lib/api/routes/admin/actions/groups';

export const PATCH = updateGroupRoute.next;
export const DELETE = deleteGroupRoute.next;
export const dynamic = 'force-dynamic';
