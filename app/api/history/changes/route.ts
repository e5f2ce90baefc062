import { changesRoute } from '@/lib/api/routes/history';

export const GET = changesRoute.next;
export const dynamic = 'force-dynamic';
