import {
  teamsConfigSchema,
  teamsSecretSchema,
  type TeamsConfig,
  type TeamsSecret,
} from '@/lib/domain/notification-channels';
import type { NotificationMessage, Severity } from '@/lib/domain/notifications';
import type { ChannelDriver } from '@/lib/notify/channels/driver';
import { postWithTimeout } from '@/lib/notify/channels/http-delivery';
import {
  headline,
  itemFacts,
  LEVEL_LINK,
  LEVELBOARD_LINK,
  moreText,
  truncate,
} from '@/lib/notify/channels/render';
import 'server-only';

// Microsoft Teams. Workflows ("Post to a channel when a webhook request is received") take a
// message whose attachment is an Adaptive Card; the retired Office 365 connectors took a
// MessageCard, still sent when the channel says so. Teams caps a card at about 28 KB: items are
// at most MAX_MESSAGE_ITEMS (25) with short facts, well below it.

export const ADAPTIVE_CARD_VERSION = '1.5';
/** Teams refuses a message past about 28 KB; this leaves room for its envelope. */
const TEAMS_MAX_BYTES = 26 * 1024;

const CARD_COLOUR: Record<Severity, string> = {
  emergency: 'Attention',
  critical: 'Attention',
  warning: 'Warning',
  information: 'Accent',
};
const THEME_COLOUR: Record<Severity, string> = {
  emergency: 'A4262C',
  critical: 'D13438',
  warning: 'CA5010',
  information: '0078D4',
};

const colourOf = (message: NotificationMessage) =>
  message.kind === 'recovery' ? 'Good' : CARD_COLOUR[message.severity];

export function adaptiveCard(message: NotificationMessage) {
  const body: Record<string, unknown>[] = [
    {
      type: 'TextBlock',
      text: truncate(headline(message), 300),
      style: 'heading',
      weight: 'Bolder',
      size: 'Medium',
      color: colourOf(message),
      wrap: true,
    },
  ];
  if (message.summary.trim())
    body.push({ type: 'TextBlock', text: truncate(message.summary, 2000), isSubtle: true, wrap: true });
  for (const item of message.items) {
    const actions = [{ type: 'Action.OpenUrl', title: LEVELBOARD_LINK, url: item.url }];
    if (item.levelUrl) actions.push({ type: 'Action.OpenUrl', title: LEVEL_LINK, url: item.levelUrl });
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: truncate(item.title, 300), weight: 'Bolder', wrap: true },
        { type: 'FactSet', facts: itemFacts(item).map((fact) => ({ title: fact.label, value: fact.value })) },
        { type: 'ActionSet', actions },
      ],
    });
  }
  const more = moreText(message);
  if (more) body.push({ type: 'TextBlock', text: more, isSubtle: true, wrap: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: ADAPTIVE_CARD_VERSION,
          msteams: { width: 'Full' },
          body,
          actions: [{ type: 'Action.OpenUrl', title: LEVELBOARD_LINK, url: message.url }],
        },
      },
    ],
  };
}

export function messageCard(message: NotificationMessage) {
  const openUri = (name: string, uri: string) => ({
    '@type': 'OpenUri',
    name,
    targets: [{ os: 'default', uri }],
  });
  const more = moreText(message);
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: truncate(headline(message), 150),
    themeColor: message.kind === 'recovery' ? '107C10' : THEME_COLOUR[message.severity],
    title: truncate(headline(message), 300),
    text: truncate([message.summary, more].filter(Boolean).join('\n\n'), 2000),
    sections: message.items.map((item) => ({
      activityTitle: truncate(item.title, 300),
      facts: itemFacts(item).map((fact) => ({ name: fact.label, value: fact.value })),
      potentialAction: [
        openUri(LEVELBOARD_LINK, item.url),
        ...(item.levelUrl ? [openUri(LEVEL_LINK, item.levelUrl)] : []),
      ],
    })),
    potentialAction: [openUri(LEVELBOARD_LINK, message.url)],
  };
}

/** Under Teams' limit: items past what fits are counted instead of listed (a safety net; 25 fit). */
function fitted(message: NotificationMessage, render: (message: NotificationMessage) => object): object {
  let shown = message;
  let payload = render(shown);
  while (Buffer.byteLength(JSON.stringify(payload)) > TEAMS_MAX_BYTES && shown.items.length > 1) {
    shown = { ...shown, items: shown.items.slice(0, -1), moreCount: shown.moreCount + 1 };
    payload = render(shown);
  }
  return payload;
}

export const teamsDriver: ChannelDriver<TeamsConfig, TeamsSecret> = {
  kind: 'teams',
  configSchema: teamsConfigSchema,
  secretSchema: teamsSecretSchema,
  send(message, { config, secret }, { timeoutMs }) {
    const payload = fitted(message, config.format === 'message_card' ? messageCard : adaptiveCard);
    return postWithTimeout(
      {
        receiver: 'Teams',
        url: secret.webhookUrl,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      },
      { timeoutMs, secrets: [secret.webhookUrl] },
    );
  },
};
