import { CHANNEL_KINDS, type ChannelKind } from '@/lib/domain/notifications';
import { z } from 'zod';

// Where notifications go (issue 19), as data shared by the server (lib/notify) and the Settings
// editor. Each kind has a config (shown to admins again) and a secret (write-only: webhook URLs
// carry their own token, SMTP passwords, routing keys). The editor renders CHANNEL_FIELDS
// (notification-channel-fields.ts); the server validates with the schemas here.

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2000, { error: 'must be at most 2000 characters' });

const emailAddress = z.email({ error: 'must be an e-mail address' }).max(254);

export const emailConfigSchema = z.strictObject({
  host: z.string().trim().min(1, { error: 'enter the SMTP server' }).max(255),
  port: z.number().int().min(1).max(65_535).default(587),
  /** `tls`: TLS from the first byte (usually 465); `starttls`: upgrade required (usually 587). */
  security: z.enum(['tls', 'starttls', 'none']).default('starttls'),
  allowSelfSigned: z.boolean().default(false),
  from: emailAddress,
  to: z.array(emailAddress).min(1, { error: 'enter at least one recipient' }).max(50),
  /** Empty: the server takes mail without signing in. */
  username: z.string().trim().max(255).default(''),
});
export const emailSecretSchema = z.strictObject({ password: z.string().max(1000).default('') });

export const teamsConfigSchema = z.strictObject({
  /** `message_card`: the retired Office 365 connector format, for connectors still running. */
  format: z.enum(['adaptive_card', 'message_card']).default('adaptive_card'),
});
export const teamsSecretSchema = z.strictObject({ webhookUrl: httpUrl });

export const slackConfigSchema = z.strictObject({});
export const slackSecretSchema = z.strictObject({ webhookUrl: httpUrl });

export const ntfyConfigSchema = z.strictObject({
  serverUrl: httpUrl.default('https://ntfy.sh'),
  topic: z.string().regex(/^[-_A-Za-z0-9]{1,64}$/, { error: 'use 1–64 letters, digits, - or _' }),
});
export const ntfySecretSchema = z.strictObject({ accessToken: z.string().trim().max(500).default('') });

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
export const pagerdutyConfigSchema = z.strictObject({
  eventsUrl: httpUrl.default(PAGERDUTY_EVENTS_URL),
});
export const pagerdutySecretSchema = z.strictObject({
  routingKey: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{20,64}$/, { error: 'must be the 32-character integration key' }),
});

export const webhookConfigSchema = z.strictObject({ url: httpUrl });
export const webhookSecretSchema = z.strictObject({
  signingSecret: z.string().min(16, { error: 'use at least 16 characters' }).max(500),
});

export const CHANNEL_SCHEMAS = {
  email: { config: emailConfigSchema, secret: emailSecretSchema },
  teams: { config: teamsConfigSchema, secret: teamsSecretSchema },
  slack: { config: slackConfigSchema, secret: slackSecretSchema },
  ntfy: { config: ntfyConfigSchema, secret: ntfySecretSchema },
  pagerduty: { config: pagerdutyConfigSchema, secret: pagerdutySecretSchema },
  webhook: { config: webhookConfigSchema, secret: webhookSecretSchema },
} as const satisfies Record<ChannelKind, { config: z.ZodType; secret: z.ZodType }>;

export type EmailConfig = z.infer<typeof emailConfigSchema>;
export type EmailSecret = z.infer<typeof emailSecretSchema>;
export type TeamsConfig = z.infer<typeof teamsConfigSchema>;
export type TeamsSecret = z.infer<typeof teamsSecretSchema>;
export type SlackConfig = z.infer<typeof slackConfigSchema>;
export type SlackSecret = z.infer<typeof slackSecretSchema>;
export type NtfyConfig = z.infer<typeof ntfyConfigSchema>;
export type NtfySecret = z.infer<typeof ntfySecretSchema>;
export type PagerdutyConfig = z.infer<typeof pagerdutyConfigSchema>;
export type PagerdutySecret = z.infer<typeof pagerdutySecretSchema>;
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;
export type WebhookSecret = z.infer<typeof webhookSecretSchema>;

export const DEFAULT_RATE_PER_MINUTE = 20;

const common = {
  name: z.string().trim().min(1, { error: 'enter a name' }).max(100),
  enabled: z.boolean().default(true),
  ratePerMinute: z.number().int().min(1).max(600).default(DEFAULT_RATE_PER_MINUTE),
};

/** A new channel: the kind picks which config and secret schema apply (checked by the server). */
export const channelCreateSchema = z.strictObject({
  kind: z.enum(CHANNEL_KINDS),
  ...common,
  config: z.record(z.string(), z.unknown()).default({}),
  secret: z.record(z.string(), z.unknown()).optional(),
});
export type ChannelCreateInput = z.input<typeof channelCreateSchema>;

/** A change: `config` replaces the config; `secret` replaces the secret, and absent keeps it. */
export const channelUpdateSchema = z
  .strictObject({
    name: common.name.optional(),
    enabled: z.boolean().optional(),
    ratePerMinute: z.number().int().min(1).max(600).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    secret: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((input) => Object.keys(input).length > 0, { error: 'nothing to change' });
export type ChannelUpdateInput = z.input<typeof channelUpdateSchema>;

/** A channel as admins see it: never its secret, only whether one is stored. */
export interface ChannelView {
  id: string;
  name: string;
  kind: ChannelKind;
  config: Record<string, unknown>;
  secretSet: boolean;
  enabled: boolean;
  ratePerMinute: number;
  createdAt: string;
  updatedAt: string;
}

/** What "Send test" answers: the receiver's own words when it gave any. */
export interface ChannelTestView {
  result: 'sent' | 'retry' | 'failed';
  status: number | null;
  error: string | null;
  answer: string | null;
}
