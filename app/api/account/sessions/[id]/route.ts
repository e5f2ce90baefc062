import { endOwnSessionRoute } from '@/lib/api/routes/admin/sessions';

export const DELETE = endOwnSessionRoute.next;
export const dynamic = 'force-dynamic';
