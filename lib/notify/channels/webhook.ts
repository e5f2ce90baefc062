import {
  webhookConfigSchema,
  webhookSecretSchema,
  type WebhookConfig,
  type WebhookSecret,
} from '@/lib/domain/notification-channels';
import type { NotificationMessage } from '@/lib/domain/notifications';
import type { ChannelDriver } from '@/lib/notify/channels/driver';
import { postWithTimeout } from '@/lib/notify/channels/http-delivery';
import { createHmac } from 'node:crypto';
import 'server-only';

// A generic JSON POST, signed so the receiver can tell it came from this Levelboard and is fresh:
//   X-Levelboard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
//   X-Levelboard-Delivery: <message id> (the same on every retry: dedupe on it)
// The body is an explicit, versioned shape (WEBHOOK_BODY_VERSION), not whatever the message type
// holds today, so a receiver's parser does not break when Levelboard adds a field internally.
// docs/NOTIFICATIONS.md documents both.

export const WEBHOOK_BODY_VERSION = 1;
export const SIGNATURE_HEADER = 'X-Levelboard-Signature';
export const DELIVERY_HEADER = 'X-Levelboard-Delivery';
export const EVENT_HEADER = 'X-Levelboard-Event';

export function webhookBody(message: NotificationMessage) {
  return {
    version: WEBHOOK_BODY_VERSION,
    id: message.id,
    kind: message.kind,
    severity: message.severity,
    title: message.title,
    summary: message.summary,
    url: message.url,
    createdAt: message.createdAt,
    rule: message.ruleId === null ? null : { id: message.ruleId, name: message.ruleName },
    items: message.items.map((item) => ({
      key: item.key,
      event: item.kind,
      severity: item.severity,
      title: item.title,
      client: item.client,
      site: item.site,
      device: item.device,
      since: item.since,
      resolvedAt: item.resolvedAt,
      url: item.url,
      levelUrl: item.levelUrl,
    })),
    moreCount: message.moreCount,
  };
}

export function signature(secret: string, timestamp: number, rawBody: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

export const webhookDriver: ChannelDriver<WebhookConfig, WebhookSecret> = {
  kind: 'webhook',
  configSchema: webhookConfigSchema,
  secretSchema: webhookSecretSchema,
  send(message, { config, secret }, { timeoutMs }) {
    const body = JSON.stringify(webhookBody(message));
    const timestamp = Math.floor(Date.now() / 1000);
    return postWithTimeout(
      {
        receiver: 'The webhook',
        url: config.url,
        headers: {
          'Content-Type': 'application/json',
          [SIGNATURE_HEADER]: signature(secret.signingSecret, timestamp, body),
          [DELIVERY_HEADER]: message.id,
          [EVENT_HEADER]: message.kind,
        },
        body,
      },
      { timeoutMs, secrets: [secret.signingSecret] },
    );
  },
};
