import { sessionRoute } from '@/lib/api/routes/auth/login';

export const GET = sessionRoute.next;
export const dynamic = 'force-dynamic';
