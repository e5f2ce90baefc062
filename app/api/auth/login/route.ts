import { loginRoute } from '@/lib/api/routes/auth/login';

export const POST = loginRoute.next;
export const dynamic = 'force-dynamic';
