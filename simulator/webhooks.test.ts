// The simulator's outbound webhooks against a real loopback receiver that checks every signature
// the way Levelboard's receiver must: HMAC-SHA256 over the exact raw bytes, constant-time compare.
import { boot, list, obj, type Harness, type JsonRecord } from '@/testing/simulator-harness';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const SECRET = 'whsec-test-0123456789abcdef';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

interface Received {
  raw: string;
  headers: IncomingHttpHeaders;
  at: number;
  /** Whether X-Level-Signature matched `secret` (null: no header). */
  verified: boolean | null;
  envelope: { event_type: string; event_id: string; occurred_at: string; data: JsonRecord };
}

function verify(secret: string, raw: Buffer, header: string | string[] | undefined): boolean | null {
  if (header === undefined) return null;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
  const given = Buffer.from(String(header));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Records every POST; `answer` decides each status (default 200). */
class Receiver {
  readonly got: Received[] = [];
  secret = SECRET;
  answer: (n: number) => number | 'hang' = () => 200;
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      this.got.push({
        raw: raw.toString('utf8'),
        headers: req.headers,
        at: performance.now(),
        verified: verify(this.secret, raw, req.headers['x-level-signature']),
        envelope: JSON.parse(raw.toString('utf8')) as Received['envelope'],
      });
      const status = this.answer(this.got.length);
      if (status === 'hang') return;
      res.writeHead(status).end();
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/webhooks/level`;
  }
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
  types = () => this.got.map((r) => r.envelope.event_type);
  async waitFor(count: number, timeoutMs = 5_000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.got.length < count) {
      if (Date.now() > deadline) throw new Error(`got ${this.got.length} of ${count} deliveries`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.got;
  }
}

let h: Harness;
let receiver: Receiver;
beforeAll(async () => {
  h = await boot({ devices: 120, seed: 5, now: Date.now });
});
afterAll(() => h.sim.close());
afterEach(async () => {
  await h.control('DELETE', '/_sim/webhooks');
  await h.sim.webhooks.idle();
  await receiver.close();
});

async function listen(settings: Record<string, unknown> = {}): Promise<void> {
  receiver = new Receiver();
  await receiver.start();
  const reply = await h.control('PUT', '/_sim/webhooks', { url: receiver.url, secret: SECRET, ...settings });
  expect(reply.status).toBe(200);
}

const onlineDevice = async () =>
  list(await h.get('/devices?limit=100')).find((d) => d.online && !d.maintenance_mode) as JsonRecord;

async function openAlert(): Promise<JsonRecord> {
  const device = await onlineDevice();
  return obj(await h.control('POST', '/_sim/alerts', { device_id: device.id, severity: 'critical' }));
}

describe('webhooks: envelope and signature', () => {
  it('sends a signed alert_active in Level’s envelope, the signature over the exact bytes', async () => {
    await listen();
    const alert = await openAlert();
    const [got] = await receiver.waitFor(1);
    expect(got?.verified).toBe(true);
    expect(got?.headers['content-type']).toBe('application/json');
    expect(got?.envelope).toEqual({
      event_type: 'alert_active',
      event_id: expect.stringMatching(UUID),
      occurred_at: expect.stringMatching(ISO_MS),
      data: alert,
    });
    expect(got?.envelope.data.device_id).toEqual(expect.any(String));
    // The same bytes with one character changed no longer verify: the receiver must hash raw bytes.
    const tampered = Buffer.from(got?.raw.replace('critical', 'warning') ?? '');
    expect(verify(SECRET, tampered, got?.headers['x-level-signature'])).toBe(false);
  });

  it('sends no signature header without a secret, and a wrong secret does not verify', async () => {
    await listen({ secret: null });
    await openAlert();
    const [unsigned] = await receiver.waitFor(1);
    expect(unsigned?.headers['x-level-signature']).toBeUndefined();
    expect(unsigned?.verified).toBeNull();
    await h.control('PUT', '/_sim/webhooks', { secret: 'rotated-secret' });
    await openAlert();
    const [, signedOther] = await receiver.waitFor(2);
    expect(signedOther?.verified).toBe(false);
    receiver.secret = 'rotated-secret';
    expect(
      verify(
        'rotated-secret',
        Buffer.from(signedOther?.raw ?? ''),
        signedOther?.headers['x-level-signature'],
      ),
    ).toBe(true);
  });

  it('announces every Level event type from the API, the control API and the store', async () => {
    await listen();
    const device = await onlineDevice();
    const alert = await openAlert();
    await h.call('POST', `/alerts/${String(alert.id)}/resolve`);
    await h.call('PATCH', `/devices/${String(device.id)}`, { name: 'Renamed by a test' });
    await h.control('POST', `/_sim/devices/${String(device.id)}`, { online: false });
    const group = obj(await h.call('POST', '/groups', { name: 'Webhook test group' }));
    await h.call('PATCH', `/groups/${String(group.id)}`, { name: 'Webhook test group 2' });
    await h.call('DELETE', `/groups/${String(group.id)}`);
    await h.call('DELETE', `/devices/${String(device.id)}`);
    // No API creates devices (enrolment happens in Level's agent); the store announces additions.
    const store = h.sim.state.store;
    const template = store.devices[0];
    if (!template) throw new Error('empty fleet');
    store.addDevice({ ...template, n: 999_999, hostname: 'WEBHOOK-NEW-01', serial: null, tagNs: [] });
    await receiver.waitFor(9);
    await h.sim.webhooks.idle();
    expect(receiver.types()).toEqual([
      'alert_active',
      'alert_resolved',
      'device_updated',
      'device_updated',
      'group_created',
      'group_updated',
      'group_deleted',
      'device_deleted',
      'device_created',
    ]);
    const data = receiver.got.map((r) => r.envelope.data);
    expect(data[1]).toMatchObject({ id: alert.id, is_resolved: true });
    expect(data[2]).toMatchObject({ id: device.id, nickname: 'Renamed by a test' });
    expect(data[3]).toMatchObject({ id: device.id, online: false });
    expect(data[5]).toMatchObject({ id: group.id, name: 'Webhook test group 2' });
    expect(data[7]).toMatchObject({ id: device.id });
    expect(data[8]).toMatchObject({ hostname: 'WEBHOOK-NEW-01' });
    expect(receiver.got.every((r) => r.verified === true)).toBe(true);
    expect(new Set(receiver.got.map((r) => r.envelope.event_id)).size).toBe(9);
  });

  it('sends only the chosen event types, and nothing at all without a url', async () => {
    await listen({ events: ['alert_resolved'] });
    const alert = await openAlert();
    await h.call('POST', `/alerts/${String(alert.id)}/resolve`);
    await receiver.waitFor(1);
    await h.sim.webhooks.idle();
    expect(receiver.types()).toEqual(['alert_resolved']);
    await h.control('PUT', '/_sim/webhooks', { url: null });
    const before = obj(await h.control('GET', '/_sim/webhooks')).events;
    await openAlert();
    expect(obj(await h.control('GET', '/_sim/webhooks')).events).toBe(before);
  });

  it('sends an injected unknown event type as is', async () => {
    await listen();
    const sent = obj(
      await h.control('POST', '/_sim/webhooks/events', { event_type: 'device_exploded', data: { id: 'x' } }),
    );
    const [got] = await receiver.waitFor(1);
    expect(got?.envelope).toEqual({
      event_type: 'device_exploded',
      event_id: sent.event_id,
      occurred_at: sent.occurred_at,
      data: { id: 'x' },
    });
    expect(got?.verified).toBe(true);
  });
});

describe('webhooks: Level’s delivery behaviour', () => {
  it('retries a failed delivery twice on Level’s schedule, compressed, with the same bytes', async () => {
    // ~2 min + 1–60 s jitter between attempts, ÷1200: 100.8–150 ms.
    await listen({ compression: 1200 });
    receiver.answer = (n) => (n < 3 ? 500 : 200);
    await openAlert();
    const got = await receiver.waitFor(3);
    await h.sim.webhooks.idle();
    expect(got).toHaveLength(3);
    expect(new Set(got.map((r) => r.raw)).size).toBe(1);
    for (const [a, b] of [
      [got[0], got[1]],
      [got[1], got[2]],
    ]) {
      const gap = (b?.at ?? 0) - (a?.at ?? 0);
      expect(gap).toBeGreaterThanOrEqual(95);
      expect(gap).toBeLessThan(400);
    }
    const status = obj(await h.control('GET', '/_sim/webhooks'));
    expect(status).toMatchObject({ delivered: 1, failed: 0, retries: 2 });
    const last = (status.recent as JsonRecord[]).at(-1);
    expect(last).toMatchObject({ outcome: 'delivered', kind: 'first' });
    expect((last?.attempts as JsonRecord[]).map((a) => a.status)).toEqual([500, 500, 200]);
  });

  it('gives up after three attempts (errors and timeouts count as failures)', async () => {
    await listen({ compression: 1200, timeout_ms: 100 });
    receiver.answer = (n) => (n === 2 ? 'hang' : 503);
    await openAlert();
    await receiver.waitFor(3);
    await h.sim.webhooks.idle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.got).toHaveLength(3);
    const last = (obj(await h.control('GET', '/_sim/webhooks')).recent as JsonRecord[]).at(-1);
    expect(last).toMatchObject({ outcome: 'failed' });
    expect((last?.attempts as JsonRecord[]).map((a) => a.status ?? a.error)).toEqual([503, 'timeout', 503]);
  });

  it('sends duplicates: the same bytes and event_id twice', async () => {
    await listen({ duplicates: 1 });
    await openAlert();
    const got = await receiver.waitFor(2);
    await h.sim.webhooks.idle();
    expect(got).toHaveLength(2);
    expect(got[1]?.raw).toBe(got[0]?.raw);
    expect(got[1]?.headers['x-level-signature']).toBe(got[0]?.headers['x-level-signature']);
  });

  it('re-runs an old event by hand and at random, with its original event_id and occurred_at', async () => {
    await listen();
    await openAlert();
    const [first] = await receiver.waitFor(1);
    const id = first?.envelope.event_id;
    expect(obj(await h.control('POST', '/_sim/webhooks/rerun', { event_id: id })).rerun).toBe(true);
    const [, rerun] = await receiver.waitFor(2);
    expect(rerun?.raw).toBe(first?.raw);
    expect((await h.control('POST', '/_sim/webhooks/rerun', { event_id: 'nope' })).status).toBe(404);

    await h.control('PUT', '/_sim/webhooks', { reruns: 1 });
    await openAlert();
    const got = await receiver.waitFor(4);
    await h.sim.webhooks.idle();
    // The new event, then a re-run of the only older one.
    expect(got[3]?.raw).toBe(first?.raw);
    expect(got[2]?.envelope.event_id).not.toBe(id);
  });

  it('delivers out of order: a batch held for reorder_ms goes out newest first', async () => {
    await listen({ reorder_ms: 150 });
    const alert = await openAlert();
    await h.call('POST', `/alerts/${String(alert.id)}/resolve`);
    const got = await receiver.waitFor(2);
    expect(receiver.types()).toEqual(['alert_resolved', 'alert_active']);
    // occurred_at still tells the true order; that is what the receiver must go by.
    expect(Date.parse(got[0]?.envelope.occurred_at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(got[1]?.envelope.occurred_at ?? ''),
    );
  });
});

describe('webhooks: control API', () => {
  it('shows the settings without the secret, refuses bad ones, and resets to the start-up settings', async () => {
    await listen({ compression: 60, duplicates: 0.5 });
    const shown = obj(await h.control('GET', '/_sim/webhooks'));
    expect(shown.settings).toEqual({
      url: receiver.url,
      signed: true,
      events: 'all',
      compression: 60,
      duplicates: 0.5,
      reruns: 0,
      reorder_ms: 0,
      timeout_ms: 10_000,
    });
    expect(JSON.stringify(shown)).not.toContain(SECRET);
    for (const bad of [
      { url: 'ftp://x' },
      { duplicates: 2 },
      { compression: 0 },
      { events: ['nope'] },
      { what: 1 },
    ])
      expect((await h.control('PUT', '/_sim/webhooks', bad)).status).toBe(400);
    expect(obj(await h.control('DELETE', '/_sim/webhooks')).settings).toMatchObject({
      url: null,
      signed: false,
    });
    expect((await h.control('GET', '/_sim/webhooks', undefined, 'wrong-token')).status).toBe(401);
  });
});
