import { deleteChannelRoute, updateChannelRoute } from '@/lib/api/routes/notifications/channels';

export const PATCH = updateChannelRoute.next;
export const DELETE = deleteChannelRoute.next;
export const dynamic = 'force-dynamic';
