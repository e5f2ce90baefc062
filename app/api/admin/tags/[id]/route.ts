import { deleteTagRoute, renameTagRoute } from '@/lib/api/routes/admin/actions/tags';

export const PATCH = renameTagRoute.next;
export const DELETE = deleteTagRoute.next;
export const dynamic = 'force-dynamic';
