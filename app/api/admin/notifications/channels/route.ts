import { createChannelRoute, listChannelsRoute } from '@/lib/api/routes/notifications/channels';

export const GET = listChannelsRoute.next;
export const POST = createChannelRoute.next;
export const dynamic = 'force-dynamic';
