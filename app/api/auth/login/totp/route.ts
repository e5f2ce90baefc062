import { loginTotpRoute } from '@/lib/api/routes/auth/login';

export const POST = loginTotpRoute.next;
export const dynamic = 'force-dynamic';
