import { webhookSignature } from '@/simulator';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { WEBHOOK_SECRET, liveUrl } from './support/env';

// Level's webhooks against the live server (LEVEL_WEBHOOK_SECRET set in playwright.config.ts):
// signed deliveries as Level sends them, from a client with no session and no Origin (Level is a
// server, not a browser). The live server syncs from the simulator every few seconds, so an alert
// the simulator does not know is Levelboard's proof that the webhook, not a sync, put it there;
// the next sync then takes it away again (polling stays the safety net).

interface WebhookStatus {
  configured: boolean;
  secretSource: string | null;
  lastEventAt: string | null;
  lastEventType: string | null;
  eventsToday: number;
  signatureFailuresToday: number;
}

// Signed as Level (and its simulator) signs: the simulator's own signer.
const sign = (body: string, secret = WEBHOOK_SECRET) => webhookSignature(secret, body);

function envelope(
  type: string,
  data: Record<string, unknown>,
  occurredAt = new Date(),
  eventId = randomUUID(),
) {
  return JSON.stringify({ event_type: type, event_id: eventId, occurred_at: occurredAt.toISOString(), data });
}

async function level(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: liveUrl, storageState: { cookies: [], origins: [] } });
}

const post = (client: APIRequestContext, body: string, signature?: string) =>
  client.post('/api/webhooks/level', {
    data: body,
    headers: { 'Content-Type': 'application/json', ...(signature ? { 'X-Level-Signature': signature } : {}) },
  });

async function webhookStatus(client: APIRequestContext): Promise<WebhookStatus> {
  return ((await (await client.get('/api/health')).json()) as { webhooks: WebhookStatus }).webhooks;
}

const alertData = (id: string, deviceId: string, extra: Record<string, unknown> = {}) => ({
  id,
  device_id: deviceId,
  device_hostname: null,
  name: `Webhook e2e ${id}`,
  description: null,
  payload: null,
  severity: 'emergency',
  is_resolved: false,
  started_at: new Date().toISOString(),
  resolved_at: null,
  ...extra,
});

test.describe('Level webhooks', () => {
  test('refuses unsigned and wrongly signed deliveries with 401, counts them, changes nothing', async ({
    request: admin,
  }) => {
    const client = await level();
    const before = await webhookStatus(client);
    expect(before).toMatchObject({ configured: true, secretSource: 'env' });
    const device = (await (await admin.get(`${liveUrl}/api/devices?limit=1`)).json()).data[0] as {
      id: string;
    };
    const id = `wh-refused-${randomUUID()}`;
    const body = envelope('alert_active', alertData(id, device.id));
    expect((await post(client, body)).status()).toBe(401);
    expect((await post(client, body, sign(body, 'not-the-secret-at-all'))).status()).toBe(401);
    expect((await post(client, body, sign(`${body} `))).status()).toBe(401);
    const alerts = await (
      await admin.get(`${liveUrl}/api/alerts?device=${device.id}&status=all&limit=500`)
    ).json();
    expect(alerts.data.some((row: { id: string }) => row.id === id)).toBe(false);
    await expect
      .poll(async () => (await webhookStatus(client)).signatureFailuresToday, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(before.signatureFailuresToday + 3);
    // A body over the 64 KB limit is refused before anything reads it.
    const huge = envelope('alert_active', { id, padding: 'x'.repeat(70_000) });
    expect((await post(client, huge, sign(huge))).status()).toBe(413);
  });

  test('a signed alert_active shows at once; a duplicate and a late re-run change nothing; the sync reconciles', async ({
    request: admin,
  }) => {
    const client = await level();
    const device = (await (await admin.get(`${liveUrl}/api/devices?limit=1`)).json()).data[0] as {
      id: string;
    };
    const id = `wh-${randomUUID()}`;
    const occurred = new Date();
    const eventId = randomUUID();
    const body = envelope('alert_active', alertData(id, device.id), occurred, eventId);
    const answer = await post(client, body, sign(body));
    expect(answer.status(), await answer.text()).toBe(200);
    expect(await answer.json()).toEqual({ ok: true, eventId, result: 'applied' });
    const active = await (await admin.get(`${liveUrl}/api/alerts?device=${device.id}&limit=500`)).json();
    expect(active.data.map((row: { id: string }) => row.id)).toContain(id);

    // Level's retry of the same delivery.
    const again = await post(client, body, sign(body));
    expect(await again.json()).toEqual({ ok: true, eventId, result: 'duplicate' });

    // The simulator never had this alert: the next sync resolves it (polling is the safety net).
    await expect
      .poll(
        async () => {
          const page = await (await admin.get(`${liveUrl}/api/alerts?device=${device.id}&limit=500`)).json();
          return page.data.some((row: { id: string }) => row.id === id);
        },
        { timeout: 30_000 },
      )
      .toBe(false);

    // /api/health's copy of the status is at most 2 s old.
    await expect
      .poll(async () => (await webhookStatus(client)).lastEventType, { timeout: 10_000 })
      .toBe('alert_active');
    expect((await webhookStatus(client)).eventsToday).toBeGreaterThanOrEqual(1);
  });

  test('out of order: an alert_active arriving after its alert_resolved does not reopen it', async ({
    request: admin,
  }) => {
    const client = await level();
    const device = (await (await admin.get(`${liveUrl}/api/devices?limit=1`)).json()).data[0] as {
      id: string;
    };
    const id = `wh-late-${randomUUID()}`;
    const opened = new Date();
    const resolvedAt = new Date(opened.getTime() + 1_000);
    const resolved = envelope(
      'alert_resolved',
      alertData(id, device.id, { is_resolved: true, resolved_at: resolvedAt.toISOString() }),
      resolvedAt,
    );
    const late = envelope('alert_active', alertData(id, device.id), opened);
    expect((await (await post(client, resolved, sign(resolved))).json()).result).toBe('applied');
    expect((await (await post(client, late, sign(late))).json()).result).toBe('superseded');
    const page = await (await admin.get(`${liveUrl}/api/alerts?device=${device.id}&limit=500`)).json();
    expect(page.data.some((row: { id: string }) => row.id === id)).toBe(false);
  });

  test('unknown event types are answered 2xx and ignored; a malformed envelope is a 400', async () => {
    const client = await level();
    const body = envelope('automation_finished', { id: 'x1' });
    const answer = await post(client, body, sign(body));
    expect(answer.status()).toBe(202);
    expect(await answer.json()).toMatchObject({ ok: true, result: 'ignored', reason: 'unknown_event_type' });
    const bad = JSON.stringify({ event_type: 'alert_active' });
    expect((await post(client, bad, sign(bad))).status()).toBe(400);
  });

  test('Settings shows the webhook status', async ({ page }) => {
    await page.goto(`${liveUrl}/settings`);
    const status = page.getByTestId('webhook-status');
    await expect(status).toContainText('set in the server environment');
    await expect(status).toContainText('/api/webhooks/level');
    await expect(page.getByTestId('webhook-events-today')).not.toHaveText('0');
    await expect(page.getByTestId('webhook-signature-failures')).not.toHaveText(/^0$/);
  });
});
