import { wallScreensRoute } from '@/lib/api/routes/admin/walls';

export const GET = wallScreensRoute.next;
export const dynamic = 'force-dynamic';
