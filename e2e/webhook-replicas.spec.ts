import { startSimulator, webhookSignature, type RunningSimulator } from '@/simulator';
import { startTestPostgres, type TestPostgres } from '@/testing/postgres';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { EXTRA_PORTS, SHARED_SERVER_ENV } from './support/env';
import { health, startServer, type ServerProcess } from './support/processes';

// Two Levelboard processes on one PostgreSQL: a webhook delivered to either replica shows on both.
// Syncs are an hour apart here, so only the webhook (never a sync) can bring an alert Level's
// simulator does not have.
const KEY = 'replica-key-0123456789abcdef';
const SECRET = `whsec-replicas-${randomUUID()}`;
let postgres: TestPostgres;
let sim: RunningSimulator;
const servers: ServerProcess[] = [];

test.beforeAll(async () => {
  postgres = await startTestPostgres();
  sim = await startSimulator({ devices: 200, seed: 5, apiKey: KEY, frozen: true, quiet: true });
});

test.afterAll(async () => {
  for (const server of servers) await server.kill('SIGKILL');
  await sim?.close();
  postgres?.stop();
});

function delivery(deviceId: string) {
  const id = `wh-replica-${randomUUID()}`;
  const body = JSON.stringify({
    event_type: 'alert_active',
    event_id: randomUUID(),
    occurred_at: new Date().toISOString(),
    data: {
      id,
      device_id: deviceId,
      name: 'Replica fan-out',
      severity: 'emergency',
      is_resolved: false,
      started_at: new Date().toISOString(),
      resolved_at: null,
    },
  });
  const signature = webhookSignature(SECRET, body);
  return { id, body, signature };
}

test('a webhook delivered to the leader or to a follower reaches both replicas', async ({ request }) => {
  test.setTimeout(120_000);
  const env = {
    LEVEL_API_KEY: KEY,
    LEVEL_API_URL: sim.url,
    ...SHARED_SERVER_ENV,
    DATABASE_URL: postgres.url,
    SYNC_INTERVAL_SECONDS: '3600',
    LEVEL_WEBHOOK_SECRET: SECRET,
  };
  for (const [index, name] of ['hook-a', 'hook-b'].entries()) {
    servers.push(await startServer(name, EXTRA_PORTS[index] ?? 0, env));
  }
  const [first, second] = servers as [ServerProcess, ServerProcess];
  await expect
    .poll(
      async () => [(await health(first.url)).upstream.role, (await health(second.url)).upstream.role].sort(),
      {
        timeout: 30_000,
      },
    )
    .toEqual(['follower', 'leader']);
  const [leader, follower] =
    (await health(first.url)).upstream.role === 'leader' ? [first, second] : [second, first];
  await expect.poll(async () => (await health(follower.url)).lastSyncAt, { timeout: 30_000 }).not.toBeNull();

  const device = (await (await request.get(`${leader.url}/api/devices?limit=1`)).json()).data[0] as {
    id: string;
  };
  const alertIds = async (client: APIRequestContext, url: string) =>
    (
      (await (await client.get(`${url}/api/alerts?device=${device.id}&limit=500`)).json()).data as {
        id: string;
      }[]
    ).map((row) => row.id);
  const send = (url: string, hook: ReturnType<typeof delivery>) =>
    request.post(`${url}/api/webhooks/level`, {
      data: hook.body,
      headers: { 'Content-Type': 'application/json', 'X-Level-Signature': hook.signature },
    });

  // To the leader: it publishes a new snapshot version; the follower loads it (polls every ≤ 2 s).
  const toLeader = delivery(device.id);
  expect((await (await send(leader.url, toLeader)).json()).result).toBe('applied');
  expect(await alertIds(request, leader.url)).toContain(toLeader.id);
  await expect.poll(() => alertIds(request, follower.url), { timeout: 10_000 }).toContain(toLeader.id);

  // To the follower: it shows it at once; the leader applies it from the database and publishes it.
  const toFollower = delivery(device.id);
  expect((await (await send(follower.url, toFollower)).json()).result).toBe('applied');
  expect(await alertIds(request, follower.url)).toContain(toFollower.id);
  await expect.poll(() => alertIds(request, leader.url), { timeout: 10_000 }).toContain(toFollower.id);
  // And it stays on the follower once the leader's next version replaces its local copy.
  await expect
    .poll(
      async () => (await alertIds(request, follower.url)).filter((id) => id.startsWith('wh-replica-')).sort(),
      {
        timeout: 10_000,
      },
    )
    .toEqual([toLeader.id, toFollower.id].sort());

  // A retry of the same delivery to the other replica is a duplicate.
  expect((await (await send(leader.url, toFollower)).json()).result).toBe('duplicate');
});
