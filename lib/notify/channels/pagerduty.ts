import {
  pagerdutyConfigSchema,
  pagerdutySecretSchema,
  type PagerdutyConfig,
  type PagerdutySecret,
} from '@/lib/domain/notification-channels';
import type { DeliveryOutcome, MessageItem, NotificationMessage, Severity } from '@/lib/domain/notifications';
import type { ChannelDriver } from '@/lib/notify/channels/driver';
import { postOnce } from '@/lib/notify/channels/http-delivery';
import { LEVEL_LINK, LEVELBOARD_LINK, truncate } from '@/lib/notify/channels/render';
import { createHash } from 'node:crypto';
import 'server-only';

// PagerDuty Events API v2. One event per item, each with the dedup key `levelboard:<item key>`,
// so a recovery resolves exactly the incident its trigger opened and a retried message (some of
// whose events were already accepted) does not open a second one: PagerDuty merges a trigger
// into the open incident with the same key. A message lists at most MAX_MESSAGE_ITEMS (25)
// items: those are the events sent; items counted only in `moreCount` get none (each event says
// how many there were). The events go one after another; the first one not accepted decides the
// outcome. A test message triggers an event and resolves it at once, so it leaves no open incident.

const PD_SEVERITY: Record<Severity, 'critical' | 'error' | 'warning' | 'info'> = {
  emergency: 'critical',
  critical: 'critical',
  warning: 'warning',
  information: 'info',
};

/** `levelboard:<item key>`; a key past PagerDuty's 255 characters is hashed (still stable). */
export function dedupKey(item: MessageItem): string {
  const key = `levelboard:${item.key}`;
  return key.length <= 255 ? key : `levelboard:sha256:${createHash('sha256').update(item.key).digest('hex')}`;
}

export function pagerdutyEvents(message: NotificationMessage, routingKey: string) {
  const events = eventsFor(message, routingKey, message.kind === 'recovery' ? 'resolve' : 'trigger');
  return message.kind === 'test' ? [...events, ...eventsFor(message, routingKey, 'resolve')] : events;
}

function eventsFor(message: NotificationMessage, routingKey: string, action: 'trigger' | 'resolve') {
  return message.items.map((item) => {
    const links = [{ href: item.url, text: LEVELBOARD_LINK }];
    if (item.levelUrl) links.push({ href: item.levelUrl, text: LEVEL_LINK });
    if (action === 'resolve')
      return { routing_key: routingKey, event_action: action, dedup_key: dedupKey(item) };
    const where = [item.client, item.site, item.device].filter(Boolean).join(' · ');
    return {
      routing_key: routingKey,
      event_action: action,
      dedup_key: dedupKey(item),
      client: 'Levelboard',
      client_url: message.url,
      links,
      payload: {
        summary: truncate(where ? `${item.title} — ${where}` : item.title, 1024),
        source: item.device ?? item.site ?? item.client ?? 'Levelboard',
        severity: PD_SEVERITY[item.severity],
        timestamp: item.since,
        ...(item.device ? { component: item.device } : {}),
        ...(item.site || item.client ? { group: item.site ?? item.client } : {}),
        class: item.kind,
        custom_details: {
          client: item.client,
          site: item.site,
          device: item.device,
          since: item.since,
          message: message.title,
          rule: message.ruleName,
          test: message.kind === 'test',
          more_in_message: message.moreCount,
        },
      },
    };
  });
}

export const pagerdutyDriver: ChannelDriver<PagerdutyConfig, PagerdutySecret> = {
  kind: 'pagerduty',
  configSchema: pagerdutyConfigSchema,
  secretSchema: pagerdutySecretSchema,
  async send(message, { config, secret }, { timeoutMs }) {
    const events = pagerdutyEvents(message, secret.routingKey);
    const context = { signal: AbortSignal.timeout(timeoutMs), timeoutMs, secrets: [secret.routingKey] };
    const answers: string[] = [];
    let last: DeliveryOutcome = { result: 'sent', status: null, answer: null };
    try {
      for (const [index, event] of events.entries()) {
        last = await postOnce(
          {
            receiver: 'PagerDuty',
            url: config.eventsUrl,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(event),
          },
          context,
        );
        if (last.result !== 'sent') {
          const note = `${index} of ${events.length} events accepted before this one.`;
          return last.result === 'retry'
            ? {
                result: 'retry',
                status: last.status,
                error: `${last.error} ${note}`,
                retryAfterMs: last.retryAfterMs,
                answer: last.answer,
              }
            : { result: 'failed', status: last.status, error: `${last.error} ${note}`, answer: last.answer };
        }
        if (last.answer) answers.push(last.answer);
      }
    } catch {
      return {
        result: 'retry',
        status: null,
        error: 'Sending to PagerDuty failed unexpectedly.',
        retryAfterMs: null,
        answer: null,
      };
    }
    if (events.length === 0)
      return { result: 'sent', status: null, answer: 'No items: nothing to send to PagerDuty.' };
    const answer =
      events.length === 1
        ? (answers[0] ?? null)
        : `${events.length} events accepted. ${answers[0] ?? ''}`.trim().slice(0, 500);
    return { result: 'sent', status: last.status, answer };
  },
};
