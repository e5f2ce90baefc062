import { testChannelRoute } from '@/lib/api/routes/notifications/channels';

export const POST = testChannelRoute.next;
export const dynamic = 'force-dynamic';
