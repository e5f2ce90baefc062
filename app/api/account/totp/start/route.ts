import { totpStartRoute } from '@/lib/api/routes/users/account';

export const POST = totpStartRoute.next;
export const dynamic = 'force-dynamic';
