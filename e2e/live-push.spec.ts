import { startSimulator, type RunningSimulator } from '@/simulator';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ADMIN_STATE, EXTRA_PORTS, liveUrl, SHARED_SERVER_ENV, SYNC_INTERVAL_SECONDS } from './support/env';
import { startServer, type ServerProcess } from './support/processes';
import { simulator } from './support/simulator';
import type { DevicePage } from './support/ui';
import { createWallLink, openWall, resolveAlert, wallRoot } from './support/wall';

// Live push (issue 17, GET /api/events): a wall refetches on a pushed version long before its poll
// would; a share link's stream carries nothing but version numbers (every byte is read and
// checked), and ends when the link is revoked; a tab reconnects to a restarted server by itself.

const live = simulator('live');
const origin = { Origin: liveUrl };

function adminCookie(): string {
  const state = JSON.parse(readFileSync(ADMIN_STATE, 'utf8')) as {
    cookies: { name: string; value: string }[];
  };
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** A share link's session cookie, as a technician's browser would hold it. */
async function linkCookie(token: string): Promise<string> {
  const context = await playwrightRequest.newContext({
    baseURL: liveUrl,
    storageState: { cookies: [], origins: [] },
  });
  expect((await context.get(`/s/${token}`, { maxRedirects: 0 })).status()).toBe(303);
  const cookies = (await context.storageState()).cookies;
  await context.dispose();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

interface Stream {
  status: number;
  /** Every byte received so far, decoded. */
  text: () => string;
  /** Resolves when the server ends the stream (or the read fails). */
  ended: Promise<void>;
  close: () => void;
}

async function openStream(url: string, cookie: string): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/events`, {
    headers: { Cookie: cookie },
    signal: controller.signal,
  });
  let text = '';
  const decoder = new TextDecoder();
  const reader = response.body?.getReader();
  const ended = (async () => {
    try {
      for (let read = await reader?.read(); read && !read.done; read = await reader?.read())
        text += decoder.decode(read.value, { stream: true });
    } catch {
      // aborted by close()
    }
  })();
  return { status: response.status, text: () => text, ended, close: () => controller.abort() };
}

/**
 * The stream's grammar, strictly: the retry hint, heartbeat comments, and three events whose data
 * is exactly a version (or the end). Anything else — an id, a name, a count — fails here.
 */
function checkGrammar(text: string): { snapshots: string[]; acknowledgements: number[]; ended: boolean } {
  const out = { snapshots: [] as string[], acknowledgements: [] as number[], ended: false };
  const blocks = text.split('\n\n');
  expect(blocks.pop(), 'the stream ends on an event boundary').toBe('');
  for (const block of blocks) {
    if (/^retry: \d+$/.test(block) || block === ': heartbeat') continue;
    const match = /^event: (snapshot|acknowledgements|ended)\ndata: (.*)$/.exec(block);
    expect(match, `unexpected bytes in the stream: ${JSON.stringify(block)}`).not.toBeNull();
    const [, name, raw] = match as RegExpExecArray;
    const data = JSON.parse(raw ?? '') as Record<string, unknown>;
    if (name === 'snapshot') {
      expect(Object.keys(data).sort()).toEqual(['stale', 'version']);
      expect(data.version).toMatch(/^\d+\.\d+$/);
      expect(typeof data.stale).toBe('boolean');
      out.snapshots.push(data.version as string);
    } else if (name === 'acknowledgements') {
      expect(Object.keys(data)).toEqual(['version']);
      expect(Number.isInteger(data.version)).toBe(true);
      out.acknowledgements.push(data.version as number);
    } else {
      expect(data).toEqual({ reason: 'access' });
      out.ended = true;
    }
  }
  return out;
}

async function someDevices(api: APIRequestContext, query: string): Promise<DevicePage['data']> {
  return ((await (await api.get(`${liveUrl}/api/devices?${query}`)).json()) as DevicePage).data;
}

test('a wall polling every 5 minutes shows a new critical alert within seconds of the sync (pushed)', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const [device] = (await someDevices(request, 'status=online&role=workstation&alerts=none&limit=50')).filter(
    (row) => row.clientId,
  );
  if (!device) throw new Error('fixture needs an online workstation without alerts');
  const { token } = await createWallLink(request, {
    name: 'Push check',
    scope: { kind: 'devices', deviceIds: [device.id] },
  });
  // poll=300: without the stream this wall would not ask again for five minutes.
  const page = await openWall(browser, token, { query: 'views=problems&interval=60&poll=300&shift=0' });
  await expect(wallRoot(page)).toHaveAttribute('data-view', 'problems');
  const problemsAsked: number[] = [];
  page.on('request', (sent) => {
    if (sent.url().includes('/api/wall/problems')) problemsAsked.push(Date.now());
  });
  const alert = await live.openAlert({ device_id: device.id, severity: 'critical', name: 'Push check' });
  try {
    // When the server has it (the next sync, at most one interval away)…
    await expect
      .poll(
        async () =>
          (
            (await (await request.get(`${liveUrl}/api/alerts?device=${device.id}`)).json()) as {
              total: number;
            }
          ).total,
        { timeout: (SYNC_INTERVAL_SECONDS * 3 + 5) * 1_000, intervals: [100] },
      )
      .toBeGreaterThan(0);
    const synced = Date.now();
    // …the wall shows it within a few seconds, not at its next poll 5 minutes on.
    await expect(wallRoot(page)).toHaveAttribute('data-view', 'hold', { timeout: 8_000 });
    await expect(page.getByTestId('wall-hold-problem')).toContainText('Push check');
    const shownAfter = Date.now() - synced;
    console.log(`live push: wall showed the alert ${shownAfter} ms after the admin API had it`);
    expect(problemsAsked.length).toBeGreaterThan(0);
    expect(shownAfter).toBeLessThan(8_000);
  } finally {
    await resolveAlert(alert.id);
    await page.context().close();
  }
});

test("a link's stream carries version numbers only: no byte names anything outside (or inside) its scope", async ({
  request,
}) => {
  test.setTimeout(90_000);
  const clients = (
    (await (await request.get(`${liveUrl}/api/fleet/clients`)).json()) as {
      clients: { id: string; rollup: { devices: { total: number } } }[];
    }
  ).clients.filter((client) => client.rollup.devices.total > 0);
  const [mine, theirs] = clients;
  if (!mine || !theirs) throw new Error('fixture needs two clients with devices');
  const created = await request.post(`${liveUrl}/api/admin/share-links`, {
    headers: origin,
    data: {
      name: 'stream scope',
      kind: 'viewer',
      scope: { kind: 'group', groupId: mine.id },
      expiresInHours: 1,
    },
  });
  expect(created.status()).toBe(201);
  const stream = await openStream(
    liveUrl,
    await linkCookie(((await created.json()) as { token: string }).token),
  );
  expect(stream.status).toBe(200);
  // Things happen outside the link's scope while it listens: an alert opens on one of the other
  // client's devices, gets acknowledged with a note naming the device, and is unacknowledged.
  const [outside] = await someDevices(request, `group=${theirs.id}&status=online&alerts=none&limit=5`);
  if (!outside) throw new Error('fixture needs an online device without alerts in the second client');
  const alert = await live.openAlert({
    device_id: outside.id,
    severity: 'critical',
    name: 'Stream scope check',
  });
  try {
    let alertId = '';
    await expect
      .poll(
        async () => {
          const page = (await (await request.get(`${liveUrl}/api/alerts?device=${outside.id}`)).json()) as {
            data: { id: string }[];
          };
          alertId = page.data[0]?.id ?? '';
          return alertId;
        },
        { timeout: (SYNC_INTERVAL_SECONDS * 3 + 5) * 1_000 },
      )
      .not.toBe('');
    const problems = { problems: [{ kind: 'alert', alertId }] };
    const note = `on it: ${outside.hostname}`;
    expect(
      (
        await request.post(`${liveUrl}/api/admin/acknowledgements`, {
          headers: origin,
          data: { ...problems, note },
        })
      ).status(),
    ).toBe(200);
    await expect.poll(() => checkGrammar(stream.text()).acknowledgements.length, { timeout: 5_000 }).toBe(2);
    expect(
      (
        await request.delete(`${liveUrl}/api/admin/acknowledgements`, { headers: origin, data: problems })
      ).status(),
    ).toBe(200);
    await expect.poll(() => checkGrammar(stream.text()).acknowledgements.length, { timeout: 5_000 }).toBe(3);
  } finally {
    await resolveAlert(alert.id);
  }
  await expect
    .poll(() => checkGrammar(stream.text()).snapshots.length, { timeout: 20_000 })
    .toBeGreaterThan(1);
  stream.close();
  await stream.ended;
  const text = stream.text();
  const seen = checkGrammar(text);
  expect(seen.ended).toBe(false);
  // The grammar already admits nothing but numbers; the ids are searched for anyway, every byte.
  const everything = await someDevices(request, 'limit=500&sort=hostname');
  const groups = ((await (await request.get(`${liveUrl}/api/groups`)).json()) as { groups: { id: string }[] })
    .groups;
  for (const word of [
    ...everything.flatMap((device) => [device.id, device.hostname]),
    ...groups.map((group) => group.id),
    alert.id,
    'Stream scope check',
  ])
    expect(text.includes(word), `the stream named ${word}`).toBe(false);
  console.log(
    `live push: link stream ${text.length} bytes, ${seen.snapshots.length} snapshot and ${seen.acknowledgements.length} acknowledgement events, all version numbers`,
  );
});

test("a revoked link's stream ends at once, and the link cannot open a new one", async ({ request }) => {
  const created = await request.post(`${liveUrl}/api/admin/share-links`, {
    headers: origin,
    data: { name: 'stream revoke', kind: 'wall', scope: { kind: 'fleet' }, expiresInHours: 1 },
  });
  expect(created.status()).toBe(201);
  const { link, token } = (await created.json()) as { link: { id: string }; token: string };
  const cookie = await linkCookie(token);
  const stream = await openStream(liveUrl, cookie);
  expect(stream.status).toBe(200);
  await expect.poll(() => stream.text()).toContain('event: snapshot');
  const revokedAt = Date.now();
  expect(
    (await request.delete(`${liveUrl}/api/admin/share-links/${link.id}`, { headers: origin })).status(),
  ).toBe(200);
  await Promise.race([
    stream.ended,
    new Promise((_, reject) => setTimeout(() => reject(new Error('the stream outlived its link')), 5_000)),
  ]);
  console.log(`live push: revoked link's stream ended ${Date.now() - revokedAt} ms after the revocation`);
  expect(checkGrammar(stream.text()).ended).toBe(true);
  const again = await fetch(`${liveUrl}/api/events`, { headers: { Cookie: cookie } });
  expect(again.status).toBe(401);
  // The admin's own stream is unaffected.
  const admin = await openStream(liveUrl, adminCookie());
  expect(admin.status).toBe(200);
  admin.close();
});

test('a dashboard tab holds one stream across its pages (client-side navigation keeps it)', async ({
  page,
}) => {
  const opened: string[] = [];
  page.on('request', (sent) => {
    if (new URL(sent.url()).pathname === '/api/events') opened.push(sent.resourceType());
  });
  await page.goto(`${liveUrl}/`);
  await expect(page.getByTestId('freshness')).toBeVisible();
  await expect.poll(() => opened.length).toBe(1);
  expect(opened).toEqual(['eventsource']);
  for (const label of ['Devices', 'Alerts', 'Groups', 'Overview']) {
    await page.getByRole('link', { name: label, exact: true }).first().click();
    await expect(page).toHaveURL(
      label === 'Overview' ? `${liveUrl}/` : new RegExp(`/${label.toLowerCase()}`),
    );
  }
  await page.waitForTimeout(1_000);
  expect(opened.length).toBe(1);
});

test.describe('restart', () => {
  const KEY = 'push-restart-key-0123456789abcdef';
  let sim: RunningSimulator;
  let server: ServerProcess | null = null;

  test.beforeAll(async () => {
    sim = await startSimulator({ devices: 60, seed: 17, apiKey: KEY, frozen: true, quiet: true });
  });
  test.afterAll(async () => {
    await server?.kill('SIGKILL');
    await sim?.close();
  });

  test('an open page reconnects to a restarted server by itself, without a reload', async ({ page }) => {
    test.setTimeout(150_000);
    const port = EXTRA_PORTS[0] ?? 0;
    const env = {
      LEVEL_API_KEY: KEY,
      LEVEL_API_URL: sim.url,
      ...SHARED_SERVER_ENV,
      SYNC_INTERVAL_SECONDS: '5',
    };
    server = await startServer('push-restart', port, env);
    const streams: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/events') streams.push(response.status());
    });
    // The admin's wall, polling every 5 minutes: whatever it asks sooner was pushed.
    await page.goto(`${server.url}/wall?views=fleet&interval=60&poll=300&shift=0`);
    await expect(wallRoot(page)).toBeVisible();
    await expect.poll(() => streams.filter((status) => status === 200).length).toBe(1);
    const loaded = await page.evaluate(() => performance.timeOrigin);

    // SIGTERM with a stream open: the server must still stop (the hub ends its streams).
    const stopping = Date.now();
    await server.kill('SIGTERM');
    const stopMs = Date.now() - stopping;
    console.log(`live push: server stopped ${stopMs} ms after SIGTERM with a stream open`);
    expect(stopMs).toBeLessThan(10_000);

    server = await startServer('push-restart', port, env, { keepData: true });
    const restarted = Date.now();
    await expect.poll(() => streams.filter((status) => status === 200).length, { timeout: 45_000 }).toBe(2);
    console.log(
      `live push: the page's stream was back ${Date.now() - restarted} ms after the server answered again`,
    );
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(loaded);

    // And it works: a sync on the new process (a new version) refetches the wall's summary.
    await page.waitForTimeout(2_000); // the catch-up refetch after reconnecting, done
    const refetched = page.waitForRequest((sent) => new URL(sent.url()).pathname === '/api/fleet/summary', {
      timeout: 10_000,
    });
    const admin = await playwrightRequest.newContext({ storageState: ADMIN_STATE });
    const sync = await admin.post(`${server.url}/api/fleet/sync`, { headers: { Origin: server.url } });
    expect(sync.status(), await sync.text()).toBeLessThan(300);
    await admin.dispose();
    await refetched;
  });
});
