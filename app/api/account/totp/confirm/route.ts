import { totpConfirmRoute } from '@/lib/api/routes/users/account';

export const POST = totpConfirmRoute.next;
export const dynamic = 'force-dynamic';
