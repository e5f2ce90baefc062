import type { ChannelKind, DeliveryOutcome } from '@/lib/domain/notifications';
import { CHANNEL_DRIVERS } from '@/lib/notify/channels';
import {
  sampleMessage,
  startHttpReceiver,
  type FailMode,
  type HttpReceiver,
} from '@/testing/notify-receivers';
import { decodeHeader } from '@/testing/notify-receivers/validate-events';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// The five HTTP drivers against a real loopback receiver that checks each service's documented
// request shape and answers as the service does (or fails as told).

const SIGNING_SECRET = 'whsec-0123456789abcdef-signing';
const NTFY_TOKEN = 'tk_ntfysecrettoken0123456789';
const ROUTING_KEY = 'R0UT1NGKEY0123456789abcdefABCDEF';

let receiver: HttpReceiver;

beforeAll(async () => {
  receiver = await startHttpReceiver({
    webhookSecret: SIGNING_SECRET,
    ntfyToken: NTFY_TOKEN,
    routingKey: ROUTING_KEY,
  });
});
afterAll(async () => receiver.close());
beforeEach(() => receiver.reset());

type Case = {
  name: string;
  kind: Exclude<ChannelKind, 'email'>;
  config: () => unknown;
  secret: () => Record<string, string>;
};

const CASES: Case[] = [
  {
    name: 'teams (Adaptive Card)',
    kind: 'teams',
    config: () => ({}),
    secret: () => ({ webhookUrl: receiver.url('teams') }),
  },
  {
    name: 'teams (MessageCard)',
    kind: 'teams',
    config: () => ({ format: 'message_card' }),
    secret: () => ({ webhookUrl: receiver.url('teams', { format: 'message_card' }) }),
  },
  { name: 'slack', kind: 'slack', config: () => ({}), secret: () => ({ webhookUrl: receiver.url('slack') }) },
  {
    name: 'ntfy',
    kind: 'ntfy',
    config: () => ({ serverUrl: receiver.url('ntfy'), topic: 'oncall-contoso' }),
    secret: () => ({ accessToken: NTFY_TOKEN }),
  },
  {
    name: 'pagerduty',
    kind: 'pagerduty',
    config: () => ({ eventsUrl: receiver.url('pagerduty') }),
    secret: () => ({ routingKey: ROUTING_KEY }),
  },
  {
    name: 'webhook',
    kind: 'webhook',
    config: () => ({ url: receiver.url('webhook') }),
    secret: () => ({ signingSecret: SIGNING_SECRET }),
  },
];

const send = (item: Case, message = sampleMessage(), timeoutMs = 5_000) =>
  CHANNEL_DRIVERS[item.kind].send(message, { config: item.config(), secret: item.secret() }, { timeoutMs });

/** Every string an outcome carries, to look for the secret in. */
const outcomeText = (outcome: DeliveryOutcome) => JSON.stringify(outcome);

describe.each(CASES)('$name', (item) => {
  it('delivers a realistic message in the shape the service documents', async () => {
    const outcome = await send(item);
    expect(outcome, JSON.stringify(receiver.received.map((request) => request.problems))).toMatchObject({
      result: 'sent',
    });
    expect(receiver.received.length).toBeGreaterThan(0);
    expect(receiver.received.every((request) => request.problems.length === 0)).toBe(true);
  });

  it.each<[string, FailMode, Partial<DeliveryOutcome>]>([
    ['a 500', { mode: 'status', status: 500 }, { result: 'retry', status: 500 }],
    ['a 503', { mode: 'status', status: 503 }, { result: 'retry', status: 503 }],
    [
      'a 429 with Retry-After in seconds',
      { mode: 'rate-limit', retryAfter: '7' },
      { result: 'retry', status: 429, retryAfterMs: 7_000 },
    ],
    ['a dropped connection', { mode: 'drop' }, { result: 'retry', status: null }],
    [
      'a 400',
      { mode: 'status', status: 400, body: 'invalid payload' },
      { result: 'failed', status: 400, answer: 'invalid payload' },
    ],
    ['a 404 (hook deleted)', { mode: 'status', status: 404 }, { result: 'failed', status: 404 }],
    ['a 403', { mode: 'status', status: 403 }, { result: 'failed', status: 403 }],
  ])('maps %s to the right outcome', async (_label, failure, expected) => {
    receiver.failNext(1, failure);
    expect(await send(item)).toMatchObject(expected);
  });

  it('maps Retry-After as an HTTP date', async () => {
    receiver.failNext(1, { mode: 'rate-limit', retryAfter: new Date(Date.now() + 120_000).toUTCString() });
    const outcome = await send(item);
    expect(outcome.result).toBe('retry');
    const wait = outcome.result === 'retry' ? outcome.retryAfterMs : null;
    expect(wait).toBeGreaterThan(60_000);
    expect(wait).toBeLessThanOrEqual(120_000);
  });

  it('retries when the receiver does not answer in time, and sends when it answers slowly but in time', async () => {
    receiver.failNext(1, { mode: 'hang' });
    expect(await send(item, sampleMessage(), 300)).toMatchObject({ result: 'retry', status: null });
    receiver.reset();
    receiver.failNext(1, { mode: 'slow', delayMs: 200 });
    expect(await send(item, sampleMessage(), 5_000)).toMatchObject({ result: 'sent' });
  });

  it('never puts the secret in an outcome, however the receiver fails', async () => {
    const secrets = Object.values(item.secret());
    const modes: FailMode[] = [
      { mode: 'echo', status: 400 },
      { mode: 'echo', status: 500 },
      { mode: 'echo', status: 200 },
      { mode: 'status', status: 404 },
      { mode: 'rate-limit', retryAfter: 'soon' },
      { mode: 'drop' },
      { mode: 'hang' },
    ];
    for (const failure of modes) {
      receiver.reset();
      receiver.failNext(10, failure);
      const outcome = await send(item, sampleMessage(), 300);
      for (const secret of secrets) expect(outcomeText(outcome), `${failure.mode}`).not.toContain(secret);
      expect(outcomeText(outcome)).not.toContain(receiver.token);
    }
    // Nobody listening at all.
    const closed = {
      ...item,
      config: () => JSON.parse(JSON.stringify(item.config()).replaceAll(receiver.base, 'http://127.0.0.1:9')),
      secret: () => JSON.parse(JSON.stringify(item.secret()).replaceAll(receiver.base, 'http://127.0.0.1:9')),
    };
    const refused = await send(closed);
    expect(refused).toMatchObject({ result: 'retry', status: null });
    for (const secret of Object.values(closed.secret())) expect(outcomeText(refused)).not.toContain(secret);
    expect(outcomeText(refused)).not.toContain(receiver.token);
  });
});

describe('what each message shows', () => {
  it('Teams: a card with facts, a Levelboard link per item and "Open in Level" only where Level has the item', async () => {
    await send(CASES[0] as Case);
    const card = (
      receiver.received[0]?.json as {
        attachments: { content: { version: string; body: unknown[]; actions: { url: string }[] } }[];
      }
    ).attachments[0]?.content;
    expect(['1.4', '1.5']).toContain(card?.version);
    const text = JSON.stringify(card);
    expect(text).toContain('https://app.level.io/devices/dev-1');
    expect(text.match(/Open in Level"/g)).toHaveLength(1);
    expect(card?.actions[0]?.url).toBe('https://levelboard.example.com/alerts');
    expect(text).toContain('Zürich office');
  });

  it('Slack: header, fields, buttons, and the text fallback; markup in titles is escaped', async () => {
    await send(CASES[2] as Case);
    const body = receiver.received[0]?.json as { text: string; blocks: { type: string }[] };
    expect(body.text).toContain('2 servers offline');
    expect(body.blocks.map((block) => block.type)).toEqual([
      'header',
      'section',
      'section',
      'actions',
      'section',
      'actions',
      'context',
      'actions',
    ]);
    expect(JSON.stringify(body)).toContain('&lt;80 GB&gt; &amp; falling');
  });

  it("Slack: a 25-item message stays within Slack's 50 blocks and counts the rest", async () => {
    const base = sampleMessage();
    const items = Array.from({ length: 25 }, (_, index) => ({
      ...(base.items[0] as (typeof base.items)[number]),
      key: `k${index}`,
    }));
    const outcome = await send(CASES[2] as Case, sampleMessage({ items, moreCount: 15 }));
    expect(outcome.result).toBe('sent');
    expect(JSON.stringify(receiver.received[0]?.json)).toContain('and 30 more');
  });

  it("Teams: a full message (25 items with long titles, 15 more) stays under Teams' 28 KB card limit", async () => {
    const base = sampleMessage();
    const items = Array.from({ length: 25 }, (_, index) => ({
      ...(base.items[0] as (typeof base.items)[number]),
      key: `k${index}`,
      title: `Disk space critically low on the system volume of a long-named server ${index} `.repeat(3),
      device: `SRV-${String(index).padStart(3, '0')}-WITH-A-LONG-HOST-NAME.contoso.internal`,
    }));
    for (const item of [CASES[0], CASES[1]] as Case[]) {
      receiver.reset();
      expect(await send(item, sampleMessage({ items, moreCount: 15 }))).toMatchObject({ result: 'sent' });
      console.log(`${item.name}: ${Buffer.byteLength(receiver.received[0]?.raw ?? '')} bytes for 25 items`);
    }
    // Absurdly long names: items that do not fit are counted instead, and Teams still takes it.
    const huge = items.map((entry) => ({ ...entry, device: 'X'.repeat(1500) }));
    receiver.reset();
    expect(await send(CASES[0] as Case, sampleMessage({ items: huge }))).toMatchObject({ result: 'sent' });
    expect(receiver.received[0]?.raw).toMatch(/and \d+ more in Levelboard/);
  });

  it('ntfy: title (RFC 2047 for non-ASCII), priority from severity, tags, click and view actions, Bearer token', async () => {
    await send(CASES[3] as Case);
    const headers = receiver.received[0]?.headers ?? {};
    expect(decodeHeader(String(headers.title))).toBe('Contoso · 2 servers offline at Zürich office');
    expect(headers.priority).toBe('5');
    expect(headers.tags).toBe('rotating_light,levelboard');
    expect(headers.click).toBe('https://levelboard.example.com/alerts');
    expect(headers.actions).toContain('view, Open in Level, https://app.level.io/devices/dev-1');
    expect(headers.authorization).toBe(`Bearer ${NTFY_TOKEN}`);
    expect(receiver.received[0]?.raw).toContain('SRV-FILE02');
  });

  it('PagerDuty: one event per item with a stable dedup key, and a recovery resolves exactly those keys', async () => {
    const item = CASES[4] as Case;
    await send(item);
    const triggers = receiver.received.map(
      (request) => request.json as { event_action: string; dedup_key: string; payload: { severity: string } },
    );
    expect(triggers.map((event) => [event.event_action, event.dedup_key, event.payload.severity])).toEqual([
      ['trigger', 'levelboard:device_offline:dev-1', 'critical'],
      ['trigger', 'levelboard:alert:alert-9', 'warning'],
    ]);
    receiver.reset();
    const recovery = sampleMessage({
      kind: 'recovery',
      items: sampleMessage().items.map((entry) => ({ ...entry, resolvedAt: '2026-12-07T05:30:00.000Z' })),
    });
    expect(await send(item, recovery)).toMatchObject({ result: 'sent', status: 202 });
    expect(receiver.received.map((request) => request.json)).toEqual([
      { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: 'levelboard:device_offline:dev-1' },
      { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: 'levelboard:alert:alert-9' },
    ]);
  });

  it('PagerDuty: a test message triggers and resolves its event', async () => {
    const message = sampleMessage({
      kind: 'test',
      items: [
        {
          ...(sampleMessage().items[0] as ReturnType<typeof sampleMessage>['items'][number]),
          key: 'test:abc',
        },
      ],
    });
    await send(CASES[4] as Case, message);
    expect(
      receiver.received.map((request) => (request.json as { event_action: string }).event_action),
    ).toEqual(['trigger', 'resolve']);
  });

  it('PagerDuty: a 429 on the second event retries the message and says how far it got', async () => {
    receiver.failNext(1, { mode: 'status', status: 202, body: '{"status":"success"}' });
    receiver.failNext(1, { mode: 'rate-limit', retryAfter: '30' });
    const outcome = await send(CASES[4] as Case);
    expect(outcome).toMatchObject({ result: 'retry', status: 429, retryAfterMs: 30_000 });
    expect(outcome.result === 'retry' ? outcome.error : '').toContain('1 of 2 events accepted');
  });

  it("an echoing receiver's answer is kept, with the secret parts redacted", async () => {
    receiver.failNext(1, { mode: 'echo', status: 400 });
    const outcome = await send(CASES[2] as Case);
    expect(outcome.answer).toContain('bad request to [redacted]');
  });

  it('webhook: a versioned body with a signature the receiver verifies; a wrong secret is refused', async () => {
    const item = CASES[5] as Case;
    await send(item);
    const request = receiver.received[0];
    expect(request?.headers['x-levelboard-delivery']).toBe(sampleMessage().id);
    expect(request?.headers['x-levelboard-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(request?.json).toMatchObject({
      version: 1,
      id: sampleMessage().id,
      items: [{ levelUrl: 'https://app.level.io/devices/dev-1' }, { levelUrl: null }],
    });
    const forged = await CHANNEL_DRIVERS.webhook.send(
      sampleMessage(),
      { config: item.config(), secret: { signingSecret: 'another-secret-of-16-chars' } },
      { timeoutMs: 5_000 },
    );
    expect(forged).toMatchObject({ result: 'failed', status: 401 });
  });

  it('a stored channel whose settings no longer parse fails as an outcome and names no secret', async () => {
    const outcome = await CHANNEL_DRIVERS.slack.send(
      sampleMessage(),
      { config: {}, secret: { webhookUrl: 'not a url secret-value' } },
      { timeoutMs: 1_000 },
    );
    expect(outcome).toMatchObject({ result: 'failed', status: null });
    expect(outcomeText(outcome)).not.toContain('secret-value');
  });
});
