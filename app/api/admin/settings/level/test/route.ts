import { testLevelKeyRoute } from '@/lib/api/routes/admin/settings';

export const POST = testLevelKeyRoute.next;
export const dynamic = 'force-dynamic';
