import { oidcStartRoute } from '@/lib/api/routes/auth/oidc';

export const GET = oidcStartRoute.next;
export const dynamic = 'force-dynamic';
