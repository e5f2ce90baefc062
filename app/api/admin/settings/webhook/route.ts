import {
  removeWebhookSecretRoute,
  setWebhookSecretRoute,
  webhookSettingsRoute,
} from '@/lib/api/routes/admin/webhook-settings';

export const GET = webhookSettingsRoute.next;
export const PUT = setWebhookSecretRoute.next;
export const DELETE = removeWebhookSecretRoute.next;
export const dynamic = 'force-dynamic';
