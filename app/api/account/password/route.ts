import { changePasswordRoute } from '@/lib/api/routes/users/account';

export const POST = changePasswordRoute.next;
export const dynamic = 'force-dynamic';
