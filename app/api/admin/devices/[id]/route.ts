import { updateDeviceRoute } from '@/lib/api/routes/admin/actions/devices';

export const PATCH = updateDeviceRoute.next;
export const dynamic = 'force-dynamic';
