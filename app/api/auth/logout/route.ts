import { logoutRoute } from '@/lib/api/routes/auth/login';

export const POST = logoutRoute.next;
export const dynamic = 'force-dynamic';
