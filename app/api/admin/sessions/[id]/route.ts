import { endSessionRoute } from '@/lib/api/routes/admin/sessions';

export const DELETE = endSessionRoute.next;
export const dynamic = 'force-dynamic';
