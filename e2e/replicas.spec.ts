import { startSimulator, type RunningSimulator } from '@/simulator';
import { startTestPostgres, type TestPostgres } from '@/testing/postgres';
import { expect, test } from '@playwright/test';
import { EXTRA_PORTS, SHARED_SERVER_ENV } from './support/env';
import { health, startServer, type ServerProcess } from './support/processes';

// Two Levelboard processes share one PostgreSQL and one Level: only the advisory-lock holder
// syncs; the other serves what it wrote and takes over when it dies.
const KEY = 'replica-key-0123456789abcdef';
const INTERVAL_S = 5;
let postgres: TestPostgres;
let sim: RunningSimulator;
const servers: ServerProcess[] = [];

test.beforeAll(async () => {
  postgres = await startTestPostgres();
  sim = await startSimulator({ devices: 600, seed: 21, apiKey: KEY, frozen: true, quiet: true });
});

test.afterAll(async () => {
  for (const server of servers) await server.kill('SIGKILL');
  await sim?.close();
  postgres?.stop();
});

const devicePages = () => sim.stats().requests.byRoute['GET /v2/devices'] ?? 0;

test('one leader syncs, the follower serves its data, and takes over within one interval', async ({
  request,
}) => {
  const summaryOf = async (url: string) => (await request.get(`${url}/api/fleet/summary`)).json();
  test.setTimeout(120_000);
  const env = {
    LEVEL_API_KEY: KEY,
    LEVEL_API_URL: sim.url,
    ...SHARED_SERVER_ENV,
    DATABASE_URL: postgres.url,
    SYNC_INTERVAL_SECONDS: String(INTERVAL_S),
  };
  const first = await startServer('replica-a', EXTRA_PORTS[0] ?? 0, env);
  servers.push(first);
  const second = await startServer('replica-b', EXTRA_PORTS[1] ?? 0, env);
  servers.push(second);

  await expect
    .poll(async () =>
      [(await health(first.url)).upstream.role, (await health(second.url)).upstream.role].sort(),
    )
    .toEqual(['follower', 'leader']);
  const [leader, follower] =
    (await health(first.url)).upstream.role === 'leader' ? [first, second] : [second, first];

  // Upstream traffic is that of one process: 600 devices = 6 device pages per sync, plus one for
  // the ungrouped count the sync checks its walk against (lib/fleet/checked-walk.ts).
  const perSync = 7;
  const before = devicePages();
  const window = 3 * INTERVAL_S * 1000;
  await new Promise((resolve) => setTimeout(resolve, window));
  const pages = devicePages() - before;
  const syncsOfOne = window / (INTERVAL_S * 1000);
  expect(pages).toBeGreaterThanOrEqual(perSync * (syncsOfOne - 1));
  expect(pages).toBeLessThanOrEqual(perSync * (syncsOfOne + 1));

  // The follower serves the leader's snapshot.
  const fromLeader = await summaryOf(leader.url);
  await expect.poll(async () => (await summaryOf(follower.url)).syncedAt).toBe(fromLeader.syncedAt);
  const fromFollower = await summaryOf(follower.url);
  expect(fromFollower.devices).toEqual(fromLeader.devices);

  // Kill the leader hard; the follower leads and syncs within one interval (plus one sync).
  const lastSync = fromLeader.syncedAt as string;
  const killedAt = Date.now();
  await leader.kill('SIGKILL');
  await expect
    .poll(async () => (await health(follower.url)).upstream.role, {
      timeout: INTERVAL_S * 1000,
      intervals: [200],
    })
    .toBe('leader');
  await expect
    .poll(async () => (await health(follower.url)).lastSyncAt, {
      timeout: 2 * INTERVAL_S * 1000,
      intervals: [200],
    })
    .not.toBe(lastSync);
  console.log(`takeover: new leader synced ${Date.now() - killedAt} ms after the old one was killed`);
});
