import { getBrandingRoute, putBrandingRoute } from '@/lib/api/routes/reports/branding';

export const GET = getBrandingRoute.next;
export const PUT = putBrandingRoute.next;
export const dynamic = 'force-dynamic';
