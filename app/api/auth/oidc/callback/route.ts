import { oidcCallbackRoute } from '@/lib/api/routes/auth/oidc';

export const GET = oidcCallbackRoute.next;
export const dynamic = 'force-dynamic';
