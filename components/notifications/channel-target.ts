import type { ChannelView } from '@/lib/domain/notification-channels';

// Where a channel sends, in words, from its config alone (secrets such as webhook URLs are never
// in the browser, so those kinds say what they post to instead).

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function channelTarget(channel: ChannelView): string {
  const config = channel.config;
  switch (channel.kind) {
    case 'email': {
      const to = Array.isArray(config.to) ? config.to.map(text).join(', ') : '';
      return `${to} via ${text(config.host)}`;
    }
    case 'teams':
      return config.format === 'message_card'
        ? 'Teams connector (MessageCard)'
        : 'Teams workflow (Adaptive Card)';
    case 'slack':
      return 'Slack incoming webhook';
    case 'ntfy':
      return `${text(config.serverUrl).replace(/\/$/, '')}/${text(config.topic)}`;
    case 'pagerduty':
      return 'PagerDuty Events API v2';
    case 'webhook':
      return text(config.url);
  }
}
