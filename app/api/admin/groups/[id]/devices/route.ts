import { addGroupDevicesRoute, removeGroupDevicesRoute } from '@/lib/api/routes/admin/actions/groups';

export const POST = addGroupDevicesRoute.next;
export const DELETE = removeGroupDevicesRoute.next;
export const dynamic = 'force-dynamic';
