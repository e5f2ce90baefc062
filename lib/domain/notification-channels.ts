import { CHANNEL_KINDS, type ChannelKind } from '@/lib/domain/notifications';
import { z } from 'zod';

// Where notifications go (issue 19), as data shared by the server (lib/notify) and the Settings
// editor. Each kind has a config (shown to admins again) and a secret (write-only: webhook URLs
// carry their own token, SMTP passwords, routing keys). The editor renders CHANNEL_FIELDS; the
// server validates with the same schemas.

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

export const CHANNEL_LABELS: Record<ChannelKind, string> = {
  email: 'E-mail (SMTP)',
  teams: 'Microsoft Teams',
  slack: 'Slack',
  ntfy: 'ntfy',
  pagerduty: 'PagerDuty',
  webhook: 'Signed webhook',
};

/** One input of the channel editor. `secret` fields are never shown again once saved. */
export interface ChannelField {
  /** The key in `config`, or in `secret` when `secret` is true. */
  name: string;
  label: string;
  input: 'text' | 'url' | 'email' | 'email-list' | 'number' | 'select' | 'toggle' | 'password';
  help: string;
  secret: boolean;
  required: boolean;
  placeholder?: string;
  options?: { value: string; label: string }[];
  /** What the server assumes when the field is left empty. */
  defaultValue?: string | number | boolean;
}

export const CHANNEL_FIELDS: Record<ChannelKind, ChannelField[]> = {
  email: [
    {
      name: 'host',
      label: 'SMTP server',
      input: 'text',
      help: 'Host name of the mail server.',
      secret: false,
      required: true,
      placeholder: 'smtp.example.com',
    },
    {
      name: 'port',
      label: 'Port',
      input: 'number',
      help: 'Usually 587 with STARTTLS, 465 with TLS.',
      secret: false,
      required: true,
      defaultValue: 587,
    },
    {
      name: 'security',
      label: 'Security',
      input: 'select',
      help: 'TLS from the start (465), STARTTLS required (587), or none (only on a trusted network).',
      secret: false,
      required: true,
      defaultValue: 'starttls',
      options: [
        { value: 'tls', label: 'TLS' },
        { value: 'starttls', label: 'STARTTLS' },
        { value: 'none', label: 'None' },
      ],
    },
    {
      name: 'allowSelfSigned',
      label: 'Accept a self-signed certificate',
      input: 'toggle',
      help: 'Only for a mail server on your own network.',
      secret: false,
      required: false,
      defaultValue: false,
    },
    {
      name: 'from',
      label: 'From',
      input: 'email',
      help: 'The sender address.',
      secret: false,
      required: true,
      placeholder: 'levelboard@example.com',
    },
    {
      name: 'to',
      label: 'To',
      input: 'email-list',
      help: 'One or more recipients, separated by commas.',
      secret: false,
      required: true,
      placeholder: 'oncall@example.com',
    },
    {
      name: 'username',
      label: 'User name',
      input: 'text',
      help: 'Leave empty if the server needs no sign-in.',
      secret: false,
      required: false,
    },
    {
      name: 'password',
      label: 'Password',
      input: 'password',
      help: 'Stored encrypted; never shown again.',
      secret: true,
      required: false,
    },
  ],
  teams: [
    {
      name: 'webhookUrl',
      label: 'Workflow URL',
      input: 'url',
      help: 'In Teams: Workflows → "Post to a channel when a webhook request is received" → copy the URL. It is a password: stored encrypted, never shown again.',
      secret: true,
      required: true,
    },
    {
      name: 'format',
      label: 'Format',
      input: 'select',
      help: 'Adaptive Card for Workflows; MessageCard only for an old Office 365 connector.',
      secret: false,
      required: true,
      defaultValue: 'adaptive_card',
      options: [
        { value: 'adaptive_card', label: 'Adaptive Card (Workflows)' },
        { value: 'message_card', label: 'MessageCard (old connector)' },
      ],
    },
  ],
  slack: [
    {
      name: 'webhookUrl',
      label: 'Webhook URL',
      input: 'url',
      help: 'A Slack app’s Incoming Webhook (https://hooks.slack.com/services/…). Stored encrypted, never shown again.',
      secret: true,
      required: true,
    },
  ],
  ntfy: [
    {
      name: 'serverUrl',
      label: 'Server',
      input: 'url',
      help: 'ntfy.sh or your own ntfy server.',
      secret: false,
      required: true,
      defaultValue: 'https://ntfy.sh',
    },
    {
      name: 'topic',
      label: 'Topic',
      input: 'text',
      help: 'On ntfy.sh anyone who knows the topic can read it: pick one hard to guess, or use an access token.',
      secret: false,
      required: true,
    },
    {
      name: 'accessToken',
      label: 'Access token',
      input: 'password',
      help: 'Optional (tk_…), sent as a Bearer token. Stored encrypted.',
      secret: true,
      required: false,
    },
  ],
  pagerduty: [
    {
      name: 'routingKey',
      label: 'Integration key',
      input: 'password',
      help: 'A service’s Events API v2 integration key (32 characters). Stored encrypted.',
      secret: true,
      required: true,
    },
    {
      name: 'eventsUrl',
      label: 'Events API URL',
      input: 'url',
      help: 'Change only for PagerDuty’s EU service region or a proxy.',
      secret: false,
      required: false,
      defaultValue: PAGERDUTY_EVENTS_URL,
    },
  ],
  webhook: [
    {
      name: 'url',
      label: 'URL',
      input: 'url',
      help: 'Receives a JSON POST per message.',
      secret: false,
      required: true,
    },
    {
      name: 'signingSecret',
      label: 'Signing secret',
      input: 'password',
      help: 'Signs each request (HMAC-SHA256, header X-Levelboard-Signature). At least 16 characters.',
      secret: true,
      required: true,
    },
  ],
};

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
