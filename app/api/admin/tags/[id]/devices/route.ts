import { addTagDevicesRoute, removeTagDevicesRoute } from '@/lib/api/routes/admin/actions/tags';

export const POST = addTagDevicesRoute.next;
export const DELETE = removeTagDevicesRoute.next;
export const dynamic = 'force-dynamic';
