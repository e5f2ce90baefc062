import { revokeShareLinkRoute, updateShareLinkRoute } from '@/lib/api/routes/admin/share-links';

export const DELETE = revokeShareLinkRoute.next;
export const PATCH = updateShareLinkRoute.next;
export const dynamic = 'force-dynamic';
