// bench:notify — a storm on a 10,000-device fleet: 2,000 events in one minute (whole sites going
// offline, servers among them, and critical alerts), seen by Levelboard's real sync from the
// simulator, decided by four realistic rules and delivered to real receivers on loopback (Teams,
// Slack, PagerDuty, a signed webhook, SMTP). Printed side by side, the same storm twice:
//   notifications off   the rules exist but are disabled: what the storm alone costs;
//   notifications on    the same storm with the rules enabled.
// Per phase: /api/fleet/summary latency under a steady 20 requests/s as the admin (p50/p95/p99/max),
// the server's CPU (share of one core), messages per channel and the events they carried, and how
// long the last message took. Every admin request must answer 200 and every delivery must be
// accepted by its receiver's shape check, or the run fails.
// Run: npm run bench:notify   (BENCH_DEVICES=10000 BENCH_EVENTS=2000 BENCH_STORM_SECONDS=60)
import type { ChannelKind } from '@/lib/domain/notifications';
import { encodeId, startSimulator, type RunningSimulator } from '@/simulator';
import { startReceivers, type Receivers } from '@/testing/notify-receivers';
import { readFileSync } from 'node:fs';
import { percentile } from './percentiles';
import { getAs, signInAsAdmin, SMOKE, StatusTally, UnexpectedStatus, type BenchSession } from './sessions';
import { machine, randomKey, requireBuild, sleep, startLevelboard } from './support';

const DEVICES = Number(process.env.BENCH_DEVICES ?? (SMOKE ? 400 : 10_000));
const EVENTS = Number(process.env.BENCH_EVENTS ?? (SMOKE ? 60 : 2_000));
const STORM_SECONDS = Number(process.env.BENCH_STORM_SECONDS ?? (SMOKE ? 4 : 60));
const SYNC_SECONDS = SMOKE ? 5 : 15;
/** Rules: delay and grouping (the smoke run keeps them short). */
const DELAY_MINUTES = SMOKE ? 0 : 1;
const GROUP_SECONDS = SMOKE ? 3 : 60;
/** How long each phase is watched after the storm began: the storm, the delay, a window, two syncs. */
const WATCH_SECONDS =
  STORM_SECONDS + DELAY_MINUTES * 60 + GROUP_SECONDS * 2 + SYNC_SECONDS * 3 + (SMOKE ? 5 : 30);
const PROBE_PER_SECOND = 20;
const CHANNELS: ChannelKind[] = ['teams', 'slack', 'pagerduty', 'webhook', 'email'];

interface Storm {
  offline: string[];
  alerts: { deviceId: string; severity: 'critical' | 'emergency' }[];
}

/** Whole sites (groups with their own devices) go down until ~75 % of the events; the rest are alerts. */
function planStorm(sim: RunningSimulator): Storm {
  const store = sim.state.store;
  const offline: string[] = [];
  const taken = new Set<number>();
  for (const group of store.groups) {
    const devices = store.devicesInGroup(group.n).filter((d) => d.online && !d.maintenance);
    if (devices.length < 5 || offline.length + devices.length > EVENTS * 0.75) continue;
    for (const device of devices) {
      offline.push(encodeId('Device', device.n));
      taken.add(device.n);
    }
  }
  const alerts: Storm['alerts'] = [];
  for (const device of store.devices) {
    if (offline.length + alerts.length >= EVENTS) break;
    if (taken.has(device.n) || !device.online || device.maintenance) continue;
    alerts.push({
      deviceId: encodeId('Device', device.n),
      severity: alerts.length % 5 === 0 ? 'emergency' : 'critical',
    });
  }
  return { offline, alerts };
}

/** The storm's events spread evenly over STORM_SECONDS; returns the opened alert ids. */
async function unleash(sim: RunningSimulator, storm: Storm): Promise<string[]> {
  const events: (() => string | null)[] = [
    ...storm.offline.map((id) => () => (sim.state.setDeviceStatus(id, { online: false }), null)),
    ...storm.alerts.map(
      (alert) => () =>
        String(sim.state.openAlert({ device_id: alert.deviceId, severity: alert.severity }).id),
    ),
  ];
  // Interleaved, as a real storm would be: sites and alerts at once.
  const ordered = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => (a.index % 7) - (b.index % 7) || a.index - b.index)
    .map(({ event }) => event);
  const started = Date.now();
  const alertIds: string[] = [];
  for (const [index, event] of ordered.entries()) {
    const due = started + (index * STORM_SECONDS * 1_000) / ordered.length;
    if (due > Date.now()) await sleep(due - Date.now());
    const id = event();
    if (id) alertIds.push(id);
  }
  return alertIds;
}

function restore(sim: RunningSimulator, storm: Storm, alertIds: string[]): void {
  for (const id of storm.offline) sim.state.setDeviceStatus(id, { online: true });
  for (const id of alertIds) sim.state.resolveAlert(id);
}

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** GET /api/fleet/summary at a steady rate (open loop) until `stop`; latencies in ms. */
async function probe(
  url: string,
  admin: BenchSession,
  statuses: StatusTally,
  stop: () => boolean,
): Promise<number[]> {
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const gap = 1_000 / PROBE_PER_SECOND;
  let next = Date.now();
  while (!stop()) {
    const started = performance.now();
    const request = fetch(`${url}/api/fleet/summary`, { headers: { Cookie: admin.cookie } })
      .then(async (response) => {
        await response.arrayBuffer();
        statuses.add(response.status);
        latencies.push(performance.now() - started);
      })
      .catch(() => statuses.add('error'))
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
    next += gap;
    await sleep(Math.max(0, next - Date.now()));
  }
  await Promise.all(inFlight);
  return latencies;
}

async function adminCall(
  url: string,
  admin: BenchSession,
  method: string,
  path: string,
  body: unknown,
  expected: number,
) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { Origin: url, Cookie: admin.cookie, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected)
    throw new UnexpectedStatus(`${method} ${path}`, response.status, [expected], text);
  return JSON.parse(text) as Record<string, { id: string }>;
}

async function setUp(url: string, admin: BenchSession, receivers: Receivers): Promise<string[]> {
  const channel: Partial<Record<ChannelKind, string>> = {};
  for (const kind of CHANNELS) {
    const input = { ...receivers.channelInput(kind, `bench ${kind}`), ratePerMinute: 60 };
    channel[kind] = (
      await adminCall(url, admin, 'POST', '/api/admin/notifications/channels', input, 201)
    ).channel!.id;
  }
  const common = { enabled: false, delayMinutes: DELAY_MINUTES, groupSeconds: GROUP_SECONDS, recovery: true };
  const rules = [
    {
      name: 'Servers and sites → Teams, PagerDuty',
      events: ['device_offline', 'site_down'],
      roles: ['server', 'domain_controller'],
      channelIds: [channel.teams, channel.pagerduty],
    },
    {
      name: 'Critical alerts → Slack',
      events: ['alert'],
      severities: ['critical', 'emergency'],
      channelIds: [channel.slack],
    },
    {
      name: 'Everything → e-mail',
      events: ['alert', 'device_offline', 'site_down', 'client_health'],
      severities: ['warning', 'critical', 'emergency'],
      roles: ['server', 'domain_controller', 'workstation'],
      healthBelow: 'red',
      channelIds: [channel.email],
    },
    {
      name: 'Everything → signed webhook',
      events: ['alert', 'device_offline', 'site_down', 'client_health', 'level_unreachable', 'sync_behind'],
      severities: ['information', 'warning', 'critical', 'emergency'],
      roles: ['server', 'domain_controller', 'workstation'],
      channelIds: [channel.webhook],
    },
  ];
  const ids: string[] = [];
  for (const rule of rules)
    ids.push(
      (await adminCall(url, admin, 'POST', '/api/admin/notifications/rules', { ...common, ...rule }, 201))
        .rule!.id,
    );
  return ids;
}

interface PhaseResult {
  latencies: number[];
  statuses: StatusTally;
  cpuShare: number;
  delivered: Record<ChannelKind, number>;
  messages: number;
  lastMessageSeconds: number | null;
  shapeProblems: number;
}

const deliveredNow = (receivers: Receivers) =>
  Object.fromEntries(CHANNELS.map((kind) => [kind, receivers.deliveredCount(kind)])) as Record<
    ChannelKind,
    number
  >;

interface DeliveryRow {
  id: string;
  title: string;
  status: string;
  channel: { kind: string | null };
}

async function outboxRows(url: string, admin: BenchSession): Promise<DeliveryRow[]> {
  const rows: DeliveryRow[] = [];
  let before: string | null = null;
  do {
    const query = `limit=200${before ? `&before=${before}` : ''}`;
    const response = await getAs(`${url}/api/admin/notifications/deliveries?${query}`, admin);
    const page = (await response.json()) as { deliveries: DeliveryRow[]; nextBefore: string | null };
    rows.push(...page.deliveries);
    before = page.nextBefore;
  } while (before);
  return rows;
}

async function phase(
  label: string,
  ctx: {
    url: string;
    pid: number;
    admin: BenchSession;
    sim: RunningSimulator;
    receivers: Receivers;
    storm: Storm;
  },
): Promise<PhaseResult> {
  const { url, pid, admin, sim, receivers, storm } = ctx;
  receivers.reset();
  const rowsBefore = new Set((await outboxRows(url, admin)).map((row) => row.id));
  const statuses = new StatusTally();
  let stopped = false;
  const cpuBefore = cpuSeconds(pid);
  const started = Date.now();
  const probing = probe(url, admin, statuses, () => stopped);
  let lastChange = started;
  let last = JSON.stringify(deliveredNow(receivers));
  const watch = setInterval(() => {
    const now = JSON.stringify(deliveredNow(receivers));
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    }
  }, 100);
  console.log(`${label}: storm of ${EVENTS} events over ${STORM_SECONDS} s, watching ${WATCH_SECONDS} s…`);
  const alertIds = await unleash(sim, storm);
  await sleep(Math.max(0, started + WATCH_SECONDS * 1_000 - Date.now()));
  stopped = true;
  const latencies = await probing;
  clearInterval(watch);
  const cpuShare = (cpuSeconds(pid) - cpuBefore) / ((Date.now() - started) / 1_000);
  const delivered = deliveredNow(receivers);
  const rows = (await outboxRows(url, admin)).filter((row) => !rowsBefore.has(row.id));
  for (const row of rows.toReversed().slice(0, 12))
    console.log(`  ${row.channel.kind}: ${row.status} · ${row.title}`);
  if (rows.length > 12) console.log(`  … and ${rows.length - 12} more`);
  const anything = Object.values(delivered).some((n) => n > 0);
  const shapeProblems =
    receivers.http.received.filter((request) => request.problems.length > 0).length +
    receivers.smtp.received.filter((mail) => mail.problems.length > 0).length;
  restore(sim, storm, alertIds);
  return {
    latencies,
    statuses,
    cpuShare,
    delivered,
    messages: rows.length,
    lastMessageSeconds: anything ? (lastChange - started) / 1_000 : null,
    shapeProblems,
  };
}

async function waitForSyncs(url: string, admin: BenchSession, count: number): Promise<void> {
  const syncedAt = async () =>
    ((await (await getAs(`${url}/api/fleet/summary`, admin)).json()) as { sync: { syncedAt: string } }).sync
      .syncedAt;
  let seen = await syncedAt();
  for (let n = 0; n < count; n += 1) {
    const deadline = Date.now() + SYNC_SECONDS * 4_000 + 60_000;
    for (;;) {
      const now = await syncedAt();
      if (now !== seen) {
        seen = now;
        break;
      }
      if (Date.now() > deadline) throw new Error('no sync in time');
      await sleep(250);
    }
  }
}

async function main(): Promise<void> {
  requireBuild();
  const apiKey = randomKey();
  const sim = await startSimulator({ devices: DEVICES, apiKey, frozen: true, quiet: true });
  const receivers = await startReceivers();
  const board = await startLevelboard({
    LEVEL_API_KEY: apiKey,
    LEVEL_API_URL: sim.url,
    SYNC_INTERVAL_SECONDS: String(SYNC_SECONDS),
    // The deployed default (10 s); the smoke run evaluates every 2 s to stay short.
    NOTIFY_EVALUATE_SECONDS: SMOKE ? '2' : '10',
    PUBLIC_URL: 'https://levelboard.example.com',
  });
  try {
    const admin = await signInAsAdmin(board.url);
    const ruleIds = await setUp(board.url, admin, receivers);
    const storm = planStorm(sim);
    console.log(
      `\nbench:notify — ${DEVICES.toLocaleString('en-US')} devices, ${storm.offline.length} devices of whole sites going offline ` +
        `+ ${storm.alerts.length} critical/emergency alerts in ${STORM_SECONDS} s; sync every ${SYNC_SECONDS} s; ` +
        `4 rules (delay ${DELAY_MINUTES} min, grouping ${GROUP_SECONDS} s) → ${CHANNELS.length} receivers${SMOKE ? ' (smoke: correctness only)' : ''}`,
    );
    console.log(`machine: ${machine()}\n`);
    const ctx = { url: board.url, pid: board.process.pid ?? 0, admin, sim, receivers, storm };

    const off = await phase('notifications off', ctx);
    await waitForSyncs(board.url, admin, 2);
    for (const id of ruleIds)
      await adminCall(
        board.url,
        admin,
        'PATCH',
        `/api/admin/notifications/rules/${id}`,
        { enabled: true },
        200,
      );
    const on = await phase('notifications on', ctx);

    const results = { 'notifications off': off, 'notifications on': on };
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const row = (cell: (r: PhaseResult) => string) =>
      Object.fromEntries(Object.entries(results).map(([name, r]) => [name, cell(r)]));
    console.table({
      'summary p50': row((r) => ms(percentile(r.latencies, 50))),
      'summary p95': row((r) => ms(percentile(r.latencies, 95))),
      'summary p99': row((r) => ms(percentile(r.latencies, 99))),
      'summary max': row((r) => ms(Math.max(...r.latencies))),
      'summary statuses': row((r) => r.statuses.toString()),
      'server CPU (one core)': row((r) => `${(r.cpuShare * 100).toFixed(0)} %`),
      'messages (outbox rows)': row((r) => String(r.messages)),
      ...Object.fromEntries(
        CHANNELS.map((kind) => [
          `accepted by ${kind}`,
          row((r) => `${r.delivered[kind]}${kind === 'pagerduty' ? ' events' : ''}`),
        ]),
      ),
      'last delivery after storm start': row((r) =>
        r.lastMessageSeconds === null ? '—' : `${r.lastMessageSeconds.toFixed(0)} s`,
      ),
      'shape problems': row((r) => String(r.shapeProblems)),
    });

    for (const [name, r] of Object.entries(results))
      r.statuses.assertOnly(`${name}: /api/fleet/summary`, [200]);
    if (off.messages !== 0) throw new Error(`${off.messages} messages with every rule disabled`);
    for (const kind of CHANNELS)
      if (on.delivered[kind] === 0)
        throw new Error(`no message reached the ${kind} receiver with the rules on`);
    if (on.shapeProblems > 0)
      throw new Error(`${on.shapeProblems} deliveries failed their receiver's shape check`);
  } finally {
    await board.stop();
    await receivers.close();
    await sim.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
