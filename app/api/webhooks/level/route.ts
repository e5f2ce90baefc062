import { levelWebhookRoute } from '@/lib/api/routes/webhooks';

export const POST = levelWebhookRoute.next;
export const dynamic = 'force-dynamic';
