import { updateUserRoute } from '@/lib/api/routes/users/admin';

export const PATCH = updateUserRoute.next;
export const dynamic = 'force-dynamic';
