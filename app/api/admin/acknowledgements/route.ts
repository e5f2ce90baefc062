import { acknowledgeRoute, unacknowledgeRoute } from '@/lib/api/routes/admin/acknowledgements';

export const POST = acknowledgeRoute.next;
export const DELETE = unacknowledgeRoute.next;
export const dynamic = 'force-dynamic';
