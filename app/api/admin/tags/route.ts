import { createTagRoute, tagsRoute } from '@/lib/api/routes/admin/actions/tags';

export const GET = tagsRoute.next;
export const POST = createTagRoute.next;
export const dynamic = 'force-dynamic';
