import { parseBody } from '@/lib/api/body';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { webhookStatusView } from '@/lib/api/webhook-status-view';
import { clientAddress } from '@/lib/auth/access';
import { auditAs } from '@/lib/auth/audit';
import type { Access } from '@/lib/auth/scope';
import { getStore } from '@/lib/db/instance';
import { ConflictError } from '@/lib/domain/errors';
import type { WebhookSettingsView } from '@/lib/domain/webhooks';
import { changeWebhookSecret, webhookSecretFromEnv, webhookStatusFresh } from '@/lib/runtime/webhooks';
import 'server-only';
import { z } from 'zod';

// Settings → Level webhooks: the status, and the secret Level showed once (stored encrypted).
// LEVEL_WEBHOOK_SECRET in the environment wins, as LEVEL_API_KEY does for the key.

const secretSchema = z
  .string()
  .trim()
  .min(8, { error: 'looks too short for a webhook secret' })
  .max(512)
  .regex(/^[\x21-\x7e]+$/, { error: 'may only contain visible ASCII characters' });

export const RECEIVER_PATH = '/api/webhooks/level';

export const webhookSettingsRoute = route(
  'admin.settings.webhook',
  async () => {
    const body: WebhookSettingsView = {
      status: webhookStatusView(await webhookStatusFresh()),
      envSecretSet: webhookSecretFromEnv(),
      receiverPath: RECEIVER_PATH,
    };
    return json(body);
  },
  { access: 'admin' },
);

async function changeSecret(secret: string | null, ip: string, access: Access) {
  if (webhookSecretFromEnv()) {
    throw new ConflictError(
      'env_secret_set',
      'LEVEL_WEBHOOK_SECRET is set in the environment, and it wins over Settings. Change it there.',
    );
  }
  await changeWebhookSecret(secret);
  await auditAs(await getStore(), access, {
    action: secret ? 'settings.webhook_secret.set' : 'settings.webhook_secret.remove',
    result: 'ok',
    ip,
  });
}

export const setWebhookSecretRoute = route(
  'admin.settings.webhook.set',
  async (request, _params, access) => {
    const { secret } = await parseBody(request, z.object({ secret: secretSchema }));
    await changeSecret(secret, clientAddress(request), access);
    return json({ ok: true });
  },
  { access: 'admin' },
);

export const removeWebhookSecretRoute = route(
  'admin.settings.webhook.remove',
  async (request, _params, access) => {
    await changeSecret(null, clientAddress(request), access);
    return json({ ok: true });
  },
  { access: 'admin' },
);
