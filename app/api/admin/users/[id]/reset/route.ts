import { resetUserRoute } from '@/lib/api/routes/users/admin';

export const POST = resetUserRoute.next;
export const dynamic = 'force-dynamic';
