import { revokeShareLinkRoute } from '@/lib/api/routes/admin/share-links';

export const DELETE = revokeShareLinkRoute.next;
export const dynamic = 'force-dynamic';
