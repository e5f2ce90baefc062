import { totpDisableRoute } from '@/lib/api/routes/users/account';

export const POST = totpDisableRoute.next;
export const dynamic = 'force-dynamic';
