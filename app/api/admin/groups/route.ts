import { createGroupRoute } from '@/lib/api/routes/admin/actions/groups';

export const POST = createGroupRoute.next;
export const dynamic = 'force-dynamic';
