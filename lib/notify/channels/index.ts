import type { ChannelKind, DeliveryOutcome } from '@/lib/domain/notifications';
import type { ChannelDriver } from '@/lib/notify/channels/driver';
import { emailDriver } from '@/lib/notify/channels/email';
import { ntfyDriver } from '@/lib/notify/channels/ntfy';
import { pagerdutyDriver } from '@/lib/notify/channels/pagerduty';
import { slackDriver } from '@/lib/notify/channels/slack';
import { teamsDriver } from '@/lib/notify/channels/teams';
import { webhookDriver } from '@/lib/notify/channels/webhook';
import 'server-only';

/**
 * Each driver behind a guard: the stored config and secret are parsed with the driver's schemas
 * first (a row written by an older version, or edited by hand, fails as an outcome instead of
 * reaching a driver half-formed), and nothing a driver throws escapes.
 */
function checked<Config, Secret>(driver: ChannelDriver<Config, Secret>): ChannelDriver {
  return {
    kind: driver.kind,
    configSchema: driver.configSchema,
    secretSchema: driver.secretSchema,
    async send(message, channel, context): Promise<DeliveryOutcome> {
      const config = driver.configSchema.safeParse(channel.config);
      const secret = driver.secretSchema.safeParse(channel.secret);
      if (!config.success || !secret.success) {
        const where = !config.success
          ? `setting "${config.error.issues[0]?.path.join('.') ?? ''}"`
          : 'secret (enter it again)';
        return {
          result: 'failed',
          status: null,
          error: `The channel's ${where} is not valid.`,
          answer: null,
        };
      }
      try {
        return await driver.send(message, { config: config.data, secret: secret.data }, context);
      } catch {
        return {
          result: 'retry',
          status: null,
          error: 'Sending failed unexpectedly.',
          retryAfterMs: null,
          answer: null,
        };
      }
    },
  };
}

export const CHANNEL_DRIVERS: Record<ChannelKind, ChannelDriver> = {
  email: checked(emailDriver),
  teams: checked(teamsDriver),
  slack: checked(slackDriver),
  ntfy: checked(ntfyDriver),
  pagerduty: checked(pagerdutyDriver),
  webhook: checked(webhookDriver),
};
