import { levelSettingsRoute, removeLevelKeyRoute, setLevelKeyRoute } from '@/lib/api/routes/admin/settings';

export const GET = levelSettingsRoute.next;
export const PUT = setLevelKeyRoute.next;
export const DELETE = removeLevelKeyRoute.next;
export const dynamic = 'force-dynamic';
