import {
  slackConfigSchema,
  slackSecretSchema,
  type SlackConfig,
  type SlackSecret,
} from '@/lib/domain/notification-channels';
import type { MessageItem, NotificationMessage } from '@/lib/domain/notifications';
import type { ChannelDriver } from '@/lib/notify/channels/driver';
import { postWithTimeout } from '@/lib/notify/channels/http-delivery';
import {
  formatTime,
  headline,
  itemFacts,
  LEVEL_LINK,
  LEVELBOARD_LINK,
  SEVERITY_LABELS,
  truncate,
} from '@/lib/notify/channels/render';
import 'server-only';

// Slack incoming webhook with Block Kit. Slack refuses a message past its limits (50 blocks, a
// header of 150 characters, a section of 3000, 10 fields of 2000, buttons of 75), so items are
// shown as blocks up to SLACK_ITEM_BLOCKS and the rest counted; `text` is the notification's
// fallback (phone banners, screen readers).

export const SLACK_ITEM_BLOCKS = 10;

/** Slack's mrkdwn reserves &, < and >. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });

function button(text: string, url: string, actionId: string) {
  return { type: 'button', text: plain(truncate(text, 75)), url, action_id: actionId };
}

function itemBlocks(item: MessageItem, index: number) {
  const fields = itemFacts(item)
    .filter((fact) => fact.label !== 'Severity')
    .slice(0, 10)
    .map((fact) => mrkdwn(truncate(`*${fact.label}*\n${escape(fact.value)}`, 2000)));
  const section = {
    type: 'section',
    text: mrkdwn(truncate(`*[${SEVERITY_LABELS[item.severity]}] ${escape(item.title)}*`, 3000)),
    ...(fields.length > 0 ? { fields } : {}),
  };
  const buttons = [button(LEVELBOARD_LINK, item.url, `item_${index}_levelboard`)];
  if (item.levelUrl) buttons.push(button(LEVEL_LINK, item.levelUrl, `item_${index}_level`));
  return [section, { type: 'actions', elements: buttons }];
}

export function slackPayload(message: NotificationMessage) {
  const title = headline(message);
  const blocks: Record<string, unknown>[] = [{ type: 'header', text: plain(truncate(title, 150)) }];
  if (message.summary.trim())
    blocks.push({ type: 'section', text: mrkdwn(truncate(escape(message.summary), 3000)) });
  const shown = message.items.slice(0, SLACK_ITEM_BLOCKS);
  shown.forEach((item, index) => blocks.push(...itemBlocks(item, index)));
  const notShown = message.items.length - shown.length + message.moreCount;
  const context = [`${SEVERITY_LABELS[message.severity]} · ${formatTime(message.createdAt)}`];
  if (message.ruleName) context.push(`Rule: ${escape(message.ruleName)}`);
  if (notShown > 0) context.push(`…and ${notShown} more in Levelboard`);
  blocks.push({ type: 'context', elements: context.map((text) => mrkdwn(truncate(text, 2000))) });
  blocks.push({ type: 'actions', elements: [button(LEVELBOARD_LINK, message.url, 'message_levelboard')] });
  return { text: truncate(title, 3000), blocks };
}

export const slackDriver: ChannelDriver<SlackConfig, SlackSecret> = {
  kind: 'slack',
  configSchema: slackConfigSchema,
  secretSchema: slackSecretSchema,
  send(message, { secret }, { timeoutMs }) {
    return postWithTimeout(
      {
        receiver: 'Slack',
        url: secret.webhookUrl,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(slackPayload(message)),
      },
      { timeoutMs, secrets: [secret.webhookUrl] },
    );
  },
};
