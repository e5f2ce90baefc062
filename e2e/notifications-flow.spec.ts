import { startReceivers, type Receivers } from '@/testing/notify-receivers';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { ADMIN_STATE, LEVEL_KEY, SESSION_SECRET, liveUrl } from './support/env';
import { simulator } from './support/simulator';

// Notifications through the whole product: a server goes offline in "Level" (the standalone
// simulator), the live server's sync sees it, the rule decides, the outbox sends — to a real
// Slack-shaped HTTP receiver and a real SMTP server on loopback — and the recovery follows. The
// live server evaluates every 2 s (NOTIFY_EVALUATE_SECONDS in playwright.config.ts).

const sim = simulator('live');

interface DeviceRow {
  id: string;
  hostname: string;
  groupId: string | null;
}

let receivers: Receivers;
let admin: APIRequestContext;
const created: { rules: string[]; channels: string[] } = { rules: [], channels: [] };

test.beforeAll(async () => {
  receivers = await startReceivers();
  admin = await playwrightRequest.newContext({
    baseURL: liveUrl,
    storageState: ADMIN_STATE,
    extraHTTPHeaders: { Origin: liveUrl },
  });
});

test.afterAll(async () => {
  for (const id of created.rules) await admin.delete(`/api/admin/notifications/rules/${id}`);
  for (const id of created.channels) await admin.delete(`/api/admin/notifications/channels/${id}`);
  await admin.dispose();
  await receivers.close();
});

async function createChannel(kind: 'slack' | 'email'): Promise<string> {
  const response = await admin.post('/api/admin/notifications/channels', {
    data: receivers.channelInput(kind, `e2e ${kind}`),
  });
  expect(response.status(), await response.text()).toBe(201);
  const { channel } = (await response.json()) as { channel: { id: string } };
  created.channels.push(channel.id);
  return channel.id;
}

test('a server offline in Level reaches Slack and e-mail once, with links; its recovery follows', async () => {
  test.setTimeout(120_000);
  const list = await admin.get('/api/devices?role=server&status=online&sort=hostname&limit=50');
  expect(list.status()).toBe(200);
  const server = ((await list.json()) as { data: DeviceRow[] }).data.find(
    (device) => device.groupId !== null,
  );
  expect(server, 'an online server in a group').toBeDefined();

  const channelIds = [await createChannel('slack'), await createChannel('email')];
  const rule = await admin.post('/api/admin/notifications/rules', {
    data: {
      name: 'e2e servers offline',
      events: ['device_offline'],
      roles: ['server', 'domain_controller'],
      scope: { kind: 'groups', groupIds: [server!.groupId] },
      delayMinutes: 0,
      groupSeconds: 0,
      recovery: true,
      channelIds,
    },
  });
  expect(rule.status(), await rule.text()).toBe(201);
  created.rules.push(((await rule.json()) as { rule: { id: string } }).rule.id);

  await sim.setDevice(server!.id, { online: false });
  await expect.poll(() => receivers.http.accepted('slack').length, { timeout: 45_000 }).toBe(1);
  await expect.poll(() => receivers.deliveredCount('email'), { timeout: 15_000 }).toBe(1);

  const slack = JSON.stringify(receivers.http.accepted('slack')[0]!.json);
  expect(slack).toContain(server!.hostname);
  expect(slack).toContain(`${liveUrl}/devices/${encodeURIComponent(server!.id)}`);
  const mail = receivers.smtp.received[0]!.parsed;
  expect(mail.subject).toContain(server!.hostname);
  expect(mail.text).toContain(`${liveUrl}/devices/`);

  const log = await admin.get('/api/admin/notifications/deliveries?limit=10');
  expect(log.status()).toBe(200);
  const deliveries = (
    (await log.json()) as { deliveries: { status: string; kind: string; channel: { id: string } }[] }
  ).deliveries;
  expect(
    deliveries.filter((row) => channelIds.includes(row.channel.id)).map((row) => [row.kind, row.status]),
  ).toEqual([
    ['trigger', 'sent'],
    ['trigger', 'sent'],
  ]);

  await sim.setDevice(server!.id, { online: true });
  await expect.poll(() => receivers.http.accepted('slack').length, { timeout: 45_000 }).toBe(2);
  await expect.poll(() => receivers.deliveredCount('email'), { timeout: 15_000 }).toBe(2);
  expect(JSON.stringify(receivers.http.accepted('slack')[1]!.json)).toContain('Resolved');

  // Nothing more follows (no repeat configured), and no message carries a secret of the server.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  expect(receivers.http.accepted('slack')).toHaveLength(2);
  const everything = [
    ...receivers.http.received.map((request) => request.raw + JSON.stringify(request.headers)),
    ...receivers.smtp.received.map((mail) => mail.raw),
  ].join('\n');
  for (const secret of [LEVEL_KEY, SESSION_SECRET]) expect(everything).not.toContain(secret);

  const metrics = await (await admin.get('/api/metrics')).text();
  expect(metrics).toMatch(/levelboard_notifications_total\{channel_kind="slack",result="sent"\} [2-9]/);
});
