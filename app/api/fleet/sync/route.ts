import { syncNowRoute } from '@/lib/api/routes/admin/settings';

export const POST = syncNowRoute.next;
export const dynamic = 'force-dynamic';
