import { forgetWallScreenRoute } from '@/lib/api/routes/admin/walls';

export const DELETE = forgetWallScreenRoute.next;
export const dynamic = 'force-dynamic';
