import { createShareLinkRoute, shareLinksRoute } from '@/lib/api/routes/admin/share-links';

export const GET = shareLinksRoute.next;
export const POST = createShareLinkRoute.next;
export const dynamic = 'force-dynamic';
