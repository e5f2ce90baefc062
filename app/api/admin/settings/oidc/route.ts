import { oidcSettingsRoute, setOidcSettingsRoute } from '@/lib/api/routes/admin/oidc-settings';

export const GET = oidcSettingsRoute.next;
export const PUT = setOidcSettingsRoute.next;
export const dynamic = 'force-dynamic';
