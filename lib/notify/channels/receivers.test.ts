import { slackPayload } from '@/lib/notify/channels/slack';
import { adaptiveCard } from '@/lib/notify/channels/teams';
import { signature } from '@/lib/notify/channels/webhook';
import { sampleMessage, startHttpReceiver, type HttpReceiver } from '@/testing/notify-receivers';
import { afterAll, beforeAll, expect, it } from 'vitest';

// The receivers' shape checks are what the driver tests lean on: here each refuses what the real
// service refuses, so "accepted" in a driver test means something.

let receiver: HttpReceiver;
const SECRET = 'receiver-test-signing-secret';
const KEY = 'R0UT1NGKEY0123456789abcdefABCDEF';
beforeAll(async () => {
  receiver = await startHttpReceiver({ webhookSecret: SECRET, ntfyToken: 'tk_token', routingKey: KEY });
});
afterAll(async () => receiver.close());

const post = async (url: string, body: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
  return { status: response.status, text: await response.text() };
};

it('Teams: refuses a card of an unsupported version, a wrong content type, an unknown element or a relative link', async () => {
  const good = adaptiveCard(sampleMessage());
  const variants: [string, (card: ReturnType<typeof adaptiveCard>) => void][] = [
    [
      'version',
      (card) => void ((card.attachments[0] as { content: { version: string } }).content.version = '1.6'),
    ],
    [
      'contentType',
      (card) => void ((card.attachments[0] as { contentType: string }).contentType = 'application/json'),
    ],
    ['element', (card) => void card.attachments[0]?.content.body.push({ type: 'Marquee', text: 'x' })],
    ['url', (card) => void ((card.attachments[0]?.content.actions[0] as { url: string }).url = '/alerts')],
  ];
  expect((await post(receiver.url('teams'), JSON.stringify(good))).status).toBe(202);
  for (const [name, spoil] of variants) {
    const card = structuredClone(good);
    spoil(card);
    expect((await post(receiver.url('teams'), JSON.stringify(card))).status, name).toBe(400);
  }
});

it('Slack: refuses a long header, more than 50 blocks, duplicate action ids and a missing fallback text', async () => {
  const good = slackPayload(sampleMessage());
  expect((await post(receiver.url('slack'), JSON.stringify(good))).text).toBe('ok');
  const header = structuredClone(good);
  (header.blocks[0] as { text: { text: string } }).text.text = 'x'.repeat(151);
  const many = { ...good, blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) };
  const duplicate = structuredClone(good);
  duplicate.blocks.push({
    type: 'actions',
    elements: [{ type: 'button', text: { type: 'plain_text', text: 'x' }, action_id: 'message_levelboard' }],
  });
  const noText = { blocks: good.blocks };
  for (const body of [header, many, duplicate, noText])
    expect((await post(receiver.url('slack'), JSON.stringify(body))).status).toBe(400);
});

it('PagerDuty: refuses a trigger without source or with an unknown severity, and a resolve without dedup key', async () => {
  const trigger = {
    routing_key: KEY,
    event_action: 'trigger',
    dedup_key: 'k',
    payload: { summary: 's', source: 'h', severity: 'critical' },
  };
  expect((await post(receiver.url('pagerduty'), JSON.stringify(trigger))).status).toBe(202);
  for (const body of [
    { ...trigger, payload: { summary: 's', severity: 'critical' } },
    { ...trigger, payload: { ...trigger.payload, severity: 'high' } },
    { routing_key: KEY, event_action: 'resolve' },
    { ...trigger, routing_key: 'short' },
  ])
    expect((await post(receiver.url('pagerduty'), JSON.stringify(body))).status).toBe(400);
});

it('ntfy: refuses a wrong token (401), a missing title, a bad priority and a malformed action', async () => {
  const url = `${receiver.url('ntfy')}/topic`;
  const headers = {
    Authorization: 'Bearer tk_token',
    Title: 'Hello',
    Priority: '4',
    Actions: 'view, Open, https://x.example',
  };
  expect((await post(url, 'body', headers)).status).toBe(200);
  expect((await post(url, 'body', { ...headers, Authorization: 'Bearer nope' })).status).toBe(401);
  expect((await post(url, 'body', { ...headers, Title: '' })).status).toBe(400);
  expect((await post(url, 'body', { ...headers, Priority: '9' })).status).toBe(400);
  expect((await post(url, 'body', { ...headers, Actions: 'view, Open' })).status).toBe(400);
});

it('webhook: accepts a fresh, correct signature; refuses a wrong, stale or missing one', async () => {
  const body = JSON.stringify({
    version: 1,
    id: 'm1',
    kind: 'test',
    severity: 'information',
    title: 't',
    url: 'https://x',
    createdAt: 'now',
    items: [],
  });
  const now = Math.floor(Date.now() / 1000);
  const send = (header: string | null, raw = body) =>
    post(receiver.url('webhook'), raw, {
      'X-Levelboard-Delivery': 'm1',
      ...(header ? { 'X-Levelboard-Signature': header } : {}),
    });
  expect((await send(signature(SECRET, now, body))).status).toBe(200);
  expect((await send(signature('another-secret-value', now, body))).status).toBe(401);
  expect((await send(signature(SECRET, now - 3600, body))).status).toBe(401);
  expect((await send(signature(SECRET, now, body), body.replace('"t"', '"T"'))).status).toBe(401);
  expect((await send(null)).status).toBe(401);
});
