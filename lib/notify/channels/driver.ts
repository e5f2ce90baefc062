import type { ChannelKind, DeliveryOutcome, NotificationMessage } from '@/lib/domain/notifications';
import 'server-only';
import type { z } from 'zod';

/** A channel as the sender sees it: its settings and its unsealed secret. Never leaves the server. */
export interface ChannelForSending {
  id: string;
  name: string;
  kind: ChannelKind;
  config: unknown;
  secret: unknown;
  enabled: boolean;
  ratePerMinute: number;
}

export interface SendContext {
  /** Abort the attempt after this long (a timeout is a retry). */
  timeoutMs: number;
}

/**
 * One kind of receiver. `send` never throws: every failure is an outcome, and no outcome's text
 * contains the secret (a Teams or Slack URL is its own password).
 */
export interface ChannelDriver<Config = unknown, Secret = unknown> {
  kind: ChannelKind;
  configSchema: z.ZodType<Config>;
  secretSchema: z.ZodType<Secret>;
  send(
    message: NotificationMessage,
    channel: { config: Config; secret: Secret },
    context: SendContext,
  ): Promise<DeliveryOutcome>;
}
