import { signOutEverywhereRoute } from '@/lib/api/routes/admin/sessions';

export const POST = signOutEverywhereRoute.next;
export const dynamic = 'force-dynamic';
