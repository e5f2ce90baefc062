import { sessionsRoute } from '@/lib/api/routes/admin/sessions';

export const GET = sessionsRoute.next;
export const dynamic = 'force-dynamic';
