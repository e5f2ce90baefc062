import { accountRoute } from '@/lib/api/routes/users/account';

export const GET = accountRoute.next;
export const dynamic = 'force-dynamic';
