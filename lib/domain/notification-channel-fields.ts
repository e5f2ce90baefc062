import { PAGERDUTY_EVENTS_URL } from '@/lib/domain/notification-channels';
import type { ChannelKind } from '@/lib/domain/notifications';

// What the channel editor shows for each kind: one entry per config or secret field, in order.

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
