// bench:latency — a new critical alert in Level (the simulator) → the wall showing it in
// Chromium, p50 and p95 over 20 events, measured two ways side by side:
//   webhooks + push  the simulator posts Level's signed webhook to /api/webhooks/level, the server
//                    patches its snapshot and announces the new version on /api/events, the wall
//                    refetches (goal: p50 < 2 s);
//   polling only     no webhooks, /api/events blocked in the browser: the next sync finds the alert,
//                    the wall's next poll shows it (today's path).
// Each event is an alert on its own device (the wall link is scoped to those devices), and each
// comes after a random pause as long as one sync interval, so events fall at every phase of the
// sync and poll cycles rather than right after the last one. The time is taken in the page (the
// first frame after an element naming the device appeared) on the same clock as the event.
// Every /api/ answer the wall gets must be 200/304 and every webhook delivery 2xx, or the run
// fails naming the status. Run: npm run bench:latency
//   BENCH_LATENCY_MODES=polling   one mode only (webhooks,polling by default)
//   BENCH_EVENTS=20 BENCH_SYNC_SECONDS=30 BENCH_DEVICES=2000
import { encodeId, startSimulator, type RunningSimulator } from '@/simulator';
import { chromium, type Browser } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium-launch';
import { openWallThroughLink } from './open-wall';
import { percentile } from './percentiles';
import { signInAsAdmin, SMOKE, StatusTally, UnexpectedStatus, type BenchSession } from './sessions';
import { machine, randomKey, requireBuild, sleep, startLevelboard } from './support';

type Mode = 'webhooks' | 'polling';
const MODES = (process.env.BENCH_LATENCY_MODES ?? 'webhooks,polling')
  .split(',')
  .map((mode) => mode.trim()) as Mode[];
const EVENTS = Number(process.env.BENCH_EVENTS ?? (SMOKE ? 2 : 20));
/** Levelboard's own default (30 s) unless told; the smoke run keeps it short. */
const SYNC_SECONDS = Number(process.env.BENCH_SYNC_SECONDS ?? (SMOKE ? 5 : 30));
const DEVICES = Number(process.env.BENCH_DEVICES ?? (SMOKE ? 200 : 2_000));
/** Random pause before each event: up to one sync interval (the smoke run: up to 1 s). */
const MAX_PAUSE_MS = SMOKE ? 1_000 : SYNC_SECONDS * 1_000;
/** An event not on the wall after this long fails the run: two syncs, two polls and slack. */
const EVENT_TIMEOUT_MS = (2 * SYNC_SECONDS + 2 * 10 + 30) * 1_000;
const WALL_QUERY = 'views=problems&interval=600';
const ALLOWED = [200, 304] as const;
const WEBHOOK_OK = [200, 202] as const;
const LABEL: Record<Mode, string> = { webhooks: 'webhooks + push', polling: 'polling only' };

// Installed before the wall's scripts: the first moment (Date.now(), the frame after the DOM
// changed) each device id appears anywhere on the wall — a hold card or a problem row.
const PROBE = `
window.__seen = {};
const scan = () => {
  for (const el of document.querySelectorAll('[data-wall-root] [data-device-id]')) {
    const id = el.getAttribute('data-device-id');
    if (id in window.__seen) continue;
    window.__seen[id] = -1;
    requestAnimationFrame(() => (window.__seen[id] = Date.now()));
  }
};
new MutationObserver(scan).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-device-id', 'data-view'] });
`;

/** Online devices without an open alert: each gets one alert, so each event is told apart. */
function quietDevices(sim: RunningSimulator, count: number): string[] {
  const store = sim.state.store;
  const ids = store.devices
    .filter((d) => d.online && !d.maintenance && store.alertsOfDevice(d.n).every((a) => a.resolved))
    .slice(0, count)
    .map((d) => encodeId('Device', d.n));
  if (ids.length < count) throw new Error(`only ${ids.length} quiet devices for ${count} events`);
  return ids;
}

async function createWallLink(url: string, admin: BenchSession, deviceIds: string[]): Promise<string> {
  const created = await fetch(`${url}/api/admin/share-links`, {
    method: 'POST',
    headers: { Origin: url, 'Content-Type': 'application/json', Cookie: admin.cookie },
    body: JSON.stringify({
      name: `bench latency ${Date.now()}`,
      kind: 'wall',
      scope: { kind: 'devices', deviceIds },
      expiresInHours: 24,
    }),
  });
  if (created.status !== 201)
    throw new UnexpectedStatus('wall link creation', created.status, [201], await created.text());
  return ((await created.json()) as { token: string }).token;
}

/** Throws at the first webhook attempt Levelboard did not accept (401 bad signature, 404, 5xx…). */
function checkDeliveries(sim: RunningSimulator, tally: StatusTally): void {
  const status = sim.webhooks.status() as {
    recent: { event_type: string; attempts: { status: number | null; error: string | null }[] }[];
  };
  tally.counts.clear();
  for (const delivery of status.recent)
    for (const attempt of delivery.attempts) {
      tally.add(attempt.status ?? attempt.error ?? 'none');
      if (!WEBHOOK_OK.includes(attempt.status as (typeof WEBHOOK_OK)[number]))
        throw new UnexpectedStatus(
          `webhook ${delivery.event_type} → POST /api/webhooks/level`,
          attempt.status ?? attempt.error ?? 'none',
          WEBHOOK_OK,
        );
    }
}

interface Measured {
  mode: Mode;
  latencies: number[];
  api: StatusTally;
  webhooks: StatusTally;
}

async function measure(
  mode: Mode,
  browser: Browser,
  url: string,
  admin: BenchSession,
  sim: RunningSimulator,
  devices: string[],
  secret: string,
): Promise<Measured> {
  const token = await createWallLink(url, admin, devices);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const api = new StatusTally();
  const webhooks = new StatusTally();
  let failure: Error | null = null;
  // Polling only: the live stream is cut in the browser, so the wall falls back to its polling.
  if (mode === 'polling') await page.route('**/api/events*', (route) => route.abort());
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith('/api/')) return;
    api.add(response.status());
    if (!ALLOWED.includes(response.status() as (typeof ALLOWED)[number]))
      failure ??= new UnexpectedStatus(`${path} in the wall (${LABEL[mode]})`, response.status(), ALLOWED);
  });
  await page.addInitScript(PROBE);
  await openWallThroughLink(page, url, token, WALL_QUERY, 60_000);
  sim.webhooks.clear();
  sim.webhooks.configure(
    mode === 'webhooks' ? { url: `${url}/api/webhooks/level`, secret, compression: 1 } : { url: null },
  );
  const latencies: number[] = [];
  try {
    for (const [i, deviceId] of devices.entries()) {
      await sleep(Math.random() * MAX_PAUSE_MS);
      if (failure) throw failure;
      const openedAt = Date.now();
      const alert = sim.state.openAlert({
        device_id: deviceId,
        severity: 'critical',
        name: `Latency probe ${i + 1}`,
      });
      const shown = page.waitForFunction(
        (id) => ((window as unknown as { __seen: Record<string, number> }).__seen[id] ?? -1) > 0,
        deviceId,
        { timeout: EVENT_TIMEOUT_MS, polling: 50 },
      );
      shown.catch(() => {}); // raced below; a late rejection (page closed) must not go unhandled
      // A refused webhook or API answer ends the wait at once, with its status.
      let waiting = true;
      const watchdog = (async () => {
        while (waiting) {
          if (failure) throw failure;
          if (mode === 'webhooks') checkDeliveries(sim, webhooks);
          await sleep(100);
        }
      })();
      try {
        await Promise.race([shown, watchdog]);
      } finally {
        waiting = false;
      }
      const seenAt = await page.evaluate(
        (id) => (window as unknown as { __seen: Record<string, number> }).__seen[id] ?? NaN,
        deviceId,
      );
      latencies.push(seenAt - openedAt);
      // Keeps the wall to one or two problems: each new one is on the first page.
      sim.state.resolveAlert(String(alert.id));
    }
    if (mode === 'webhooks') {
      await sim.webhooks.idle();
      checkDeliveries(sim, webhooks);
    }
    if (failure) throw failure;
    api.assertOnly(`/api/ answers in the wall (${LABEL[mode]})`, ALLOWED);
  } finally {
    sim.webhooks.configure({ url: null });
    await context.close();
  }
  return { mode, latencies, api, webhooks };
}

const seconds = (ms: number) => `${(ms / 1_000).toFixed(2)} s`;

async function main(): Promise<void> {
  requireBuild();
  for (const mode of MODES)
    if (mode !== 'webhooks' && mode !== 'polling') throw new Error(`unknown mode "${mode}"`);
  const apiKey = randomKey();
  const secret = randomBytes(32).toString('base64url');
  const sim = await startSimulator({ devices: DEVICES, apiKey, frozen: true, quiet: true });
  const board = await startLevelboard({
    LEVEL_API_KEY: apiKey,
    LEVEL_API_URL: sim.url,
    LEVEL_WEBHOOK_SECRET: secret,
    SYNC_INTERVAL_SECONDS: String(SYNC_SECONDS),
    COOKIE_SECURE: 'false',
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const admin = await signInAsAdmin(board.url);
    const devices = quietDevices(sim, EVENTS * MODES.length);
    console.log(
      `\nbench:latency — ${EVENTS} events per mode, ${DEVICES.toLocaleString('en-US')} devices, sync every ${SYNC_SECONDS} s, ` +
        `wall polls every 10 s, Chromium ${browser.version()}${SMOKE ? ' (smoke: correctness only)' : ''}`,
    );
    console.log(`machine: ${machine()}\n`);
    const results: Measured[] = [];
    for (const [m, mode] of MODES.entries())
      results.push(
        await measure(
          mode,
          browser,
          board.url,
          admin,
          sim,
          devices.slice(m * EVENTS, (m + 1) * EVENTS),
          secret,
        ),
      );
    const row = (name: string, cell: (r: Measured) => string) =>
      [name, Object.fromEntries(results.map((r) => [LABEL[r.mode], cell(r)]))] as const;
    console.table(
      Object.fromEntries([
        row('p50', (r) => seconds(percentile(r.latencies, 50))),
        row('p95', (r) => seconds(percentile(r.latencies, 95))),
        row('min', (r) => seconds(Math.min(...r.latencies))),
        row('max', (r) => seconds(Math.max(...r.latencies))),
        row('goal', (r) => (r.mode === 'webhooks' ? 'p50 < 2 s' : '(today ≥ 26 s)')),
        row('events', (r) => r.latencies.map((ms) => (ms / 1_000).toFixed(1)).join(' ')),
        row('wall /api/ statuses', (r) => r.api.toString()),
        row('webhook attempts', (r) => (r.mode === 'webhooks' ? r.webhooks.toString() : 'off')),
      ]),
    );
  } finally {
    await browser.close();
    await board.stop();
    await sim.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
