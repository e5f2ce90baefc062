import { markReady } from '@/lib/readiness';
import { demoWebhookSecret, ownWebhookUrl, startDemoWebhooks } from '@/lib/runtime/demo-webhooks';
import { setLevelConnection } from '@/lib/runtime/level-connection';
import { encodeId, startSimulator, webhookSignature, type RunningSimulator } from '@/simulator';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/fleet/instance', () => ({ isSyncLeader: () => leading }));
let leading = true;

const demo = { baseUrl: 'http://sim/v2', apiKey: 'k', demo: true, source: 'demo' } as const;
const real = { baseUrl: 'https://api.level.io/v2', apiKey: 'k2', demo: false, source: 'env' } as const;

describe('ownWebhookUrl', () => {
  it.each([
    [undefined, 'http://127.0.0.1:3000/api/webhooks/level'],
    ['0.0.0.0', 'http://127.0.0.1:3000/api/webhooks/level'],
    ['::', 'http://127.0.0.1:3000/api/webhooks/level'],
    ['10.1.2.3', 'http://10.1.2.3:3000/api/webhooks/level'],
    ['fd00::5', 'http://[fd00::5]:3000/api/webhooks/level'],
  ])('HOSTNAME %s → %s', (hostname, url) => {
    expect(ownWebhookUrl(hostname, 3000)).toBe(url);
  });
});

describe('demo mode webhooks', () => {
  let sim: RunningSimulator;
  let server: Server;
  const got: { body: string; signature: string | undefined }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        got.push({ body, signature: req.headers['x-level-signature'] as string | undefined });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sim = await startSimulator({ apiKey: 'k', devices: 20, frozen: true, quiet: true });
  });
  afterAll(async () => {
    await sim.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const openAlert = () =>
    sim.state.openAlert({
      device_id: encodeId('Device', sim.state.store.devices[0]?.n ?? 0),
      severity: 'critical',
    });

  it('signs with a random secret that demoWebhookSecret() hands to the receiver, only while in demo mode', async () => {
    setLevelConnection(demo);
    markReady();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/level`;
    startDemoWebhooks(sim.webhooks, url);
    const secret = demoWebhookSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    openAlert();
    await sim.webhooks.idle();
    expect(got).toHaveLength(1);
    expect(got[0]?.signature).toBe(webhookSignature(secret ?? '', got[0]?.body ?? ''));

    // A real key replaces demo mode: no more demo secret, and the simulator stops sending.
    setLevelConnection(real);
    expect(demoWebhookSecret()).toBeNull();
    await vi.waitFor(() => expect(sim.webhooks.settings().url).toBeNull(), { timeout: 3_000 });
    openAlert();
    await sim.webhooks.idle();
    expect(got).toHaveLength(1);
  });

  it('sends only from the sync leader', async () => {
    setLevelConnection(demo);
    await vi.waitFor(() => expect(sim.webhooks.settings().url).not.toBeNull(), { timeout: 3_000 });
    leading = false;
    await vi.waitFor(() => expect(sim.webhooks.settings().url).toBeNull(), { timeout: 3_000 });
    leading = true;
  });
});
