import { sessionRoute } from '@/lib/api/routes/auth/session';

export const GET = sessionRoute.next;
export const dynamic = 'force-dynamic';
