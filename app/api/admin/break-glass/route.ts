import { breakGlassRoute } from '@/lib/api/routes/users/admin';

export const POST = breakGlassRoute.next;
export const dynamic = 'force-dynamic';
