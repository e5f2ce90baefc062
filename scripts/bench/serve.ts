// bench:serve — the polled JSON routes under 200 connections (10,000-device fleet), signed in as
// the admin and as a share link, side by side with a raw node:http server answering the very same
// bytes, in one run. Also prints the body size of every route a page polls.
// Run: npm run bench:serve   (BENCH_SMOKE=1: tiny fleet, a second per phase, statuses only)
//      BENCH_PROFILE=dir      writes a CPU profile of the Levelboard server (see profile-top.ts)
import { startSimulator } from '@/simulator';
import autocannon from 'autocannon';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { payloadTable } from './payloads';
import {
  getAs,
  getJsonAs,
  openShareLink,
  sabotageIfAsked,
  signInAsAdmin,
  signInAsPerson,
  SMOKE,
  StatusTally,
  UnexpectedStatus,
  type BenchSession,
} from './sessions';
import {
  freePort,
  machine,
  pinned,
  pinThisProcessToLoadCore,
  randomKey,
  requireBuild,
  sleep,
  spawnOwned,
  startLevelboard,
} from './support';

const DEVICES = Number(process.env.BENCH_DEVICES ?? (SMOKE ? 300 : 10_000));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? (SMOKE ? 10 : 200));
/** Seconds per run; every target runs ROUNDS times, taking turns. */
const DURATION = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 1 : 5));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (SMOKE ? 1 : 3));
const WARMUP = SMOKE ? 0 : 2;
const PROFILE_DIR = process.env.BENCH_PROFILE;

const RAW_SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const body = fs.readFileSync(process.env.BODY_FILE);
const headers = JSON.parse(process.env.HEADERS);
http.createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

/** Levelboard's response headers minus the per-connection ones, so both servers send the same bytes. */
function sameHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'set-cookie'].includes(name))
      out[name] = value;
  });
  return out;
}

interface Row {
  'ran as': string;
  'req/s': number;
  'p50 ms': number;
  'p99 ms': number;
  'bytes/resp': number;
  'req/s per round': string;
  statuses: string;
}

interface Target {
  what: string;
  url: string;
  expected: 200 | 304;
  session: BenchSession | null;
  headers?: Record<string, string>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function headersOf(target: Target): Record<string, string> {
  return target.session ? { ...target.headers, Cookie: target.session.cookie } : (target.headers ?? {});
}

/** One run against one target; any status but the expected one stops the bench. */
async function once(target: Target, seconds: number) {
  const result = await autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: headersOf(target),
  });
  const tally = new StatusTally();
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) tally.add(status, stats.count);
  if (result.errors + result.timeouts > 0) tally.add('no answer', result.errors + result.timeouts);
  tally.assertOnly(target.what, [target.expected]);
  return {
    rate: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytes: result.throughput.average / Math.max(1, result.requests.average),
    tally,
  };
}

/**
 * The targets take turns, round after round (raw, Levelboard, Levelboard 304, raw, …), so a
 * busy moment on the host falls on all of them alike; each figure is the median of its rounds.
 */
async function compare(targets: Target[]): Promise<Row[]> {
  if (WARMUP > 0) for (const target of targets) await once(target, WARMUP);
  const runs = targets.map(() => [] as Awaited<ReturnType<typeof once>>[]);
  for (let round = 0; round < ROUNDS; round += 1)
    for (const [index, target] of targets.entries()) runs[index]?.push(await once(target, DURATION));
  return targets.map((target, index) => {
    const mine = runs[index] ?? [];
    const tally = new StatusTally();
    for (const run of mine) for (const [status, count] of run.tally.counts) tally.add(status, count);
    return {
      'ran as': target.session?.label ?? '—',
      'req/s': Math.round(median(mine.map((run) => run.rate))),
      'p50 ms': median(mine.map((run) => run.p50)),
      'p99 ms': median(mine.map((run) => run.p99)),
      'bytes/resp': Math.round(median(mine.map((run) => run.bytes))),
      'req/s per round': mine.map((run) => Math.round(run.rate).toLocaleString('en-US')).join(' / '),
      statuses: tally.toString(),
    };
  });
}

/**
 * Waits until the answer stops changing: right after the first sync the server still revises
 * its state once (history, sync bookkeeping), and an ETag taken before that would meet 200s.
 */
async function settled(url: string, session: BenchSession): Promise<void> {
  let last = '';
  let same = 0;
  for (let tries = 0; tries < 120 && same < 4; tries += 1) {
    const etag = (await getAs(url, session)).headers.get('etag') ?? '';
    same = etag === last ? same + 1 : 0;
    last = etag;
    await sleep(500);
  }
  if (same < 4) throw new Error(`${new URL(url).pathname} kept changing for a minute on a frozen fleet`);
}

/** A raw node:http server answering exactly the bytes and headers Levelboard gave this session. */
async function rawTwin(url: string, session: BenchSession) {
  const sample = await getAs(url, session);
  const body = Buffer.from(await sample.arrayBuffer());
  const etag = sample.headers.get('etag');
  if (!etag) throw new Error(`${new URL(url).pathname} sent no ETag`);
  const bodyFile = path.join(
    os.tmpdir(),
    `levelboard-bench-body-${process.pid}-${session.label.length}.json`,
  );
  writeFileSync(bodyFile, body);
  const port = await freePort();
  const child = spawnOwned(process.execPath, ['-e', RAW_SERVER], {
    env: {
      ...process.env,
      PORT: String(port),
      BODY_FILE: bodyFile,
      HEADERS: JSON.stringify(sameHeaders(sample.headers)),
    },
    stdio: 'inherit',
  });
  await sleep(500);
  return { url: `http://127.0.0.1:${port}/`, etag, bytes: body.length, stop: () => child.kill() };
}

async function main() {
  requireBuild();
  pinThisProcessToLoadCore();
  const apiKey = randomKey();
  const sim = await startSimulator({ devices: DEVICES, apiKey, frozen: true, quiet: true });
  const board = await startLevelboard(
    { LEVEL_API_KEY: apiKey, LEVEL_API_URL: sim.url, SYNC_INTERVAL_SECONDS: '3600' },
    PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
  );
  const admin = await signInAsAdmin(board.url);
  const viewer = await openShareLink(board.url, admin, { kind: 'viewer' });
  const summaryUrl = `${board.url}/api/fleet/summary`;
  await settled(summaryUrl, admin);
  // A team member scoped to one client: a person's session and a scoped view, checked per request.
  const [client] = (await getJsonAs<{ clients: { id: string }[] }>(`${board.url}/api/fleet/clients`, admin))
    .clients;
  if (!client) throw new Error('the fleet has no client to scope a technician to');
  const technician = await signInAsPerson(board.url, admin, {
    role: 'technician',
    scope: { kind: 'groups', groupIds: [client.id] },
  });
  // Each session's own summary bytes and ETag (the admin's answer carries a few fields more), each
  // served by its own raw server, so every comparison is byte for byte.
  const admins = await rawTwin(summaryUrl, admin);
  const links = await rawTwin(summaryUrl, viewer);
  const technicians = await rawTwin(summaryUrl, technician);

  console.log(
    `\nbench:serve — ${DEVICES.toLocaleString('en-US')} devices, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s per target${SMOKE ? ' (smoke: statuses only)' : ''}`,
  );
  console.log(`machine: ${machine()}`);
  console.log(
    pinned()
      ? 'load generator on core 0, the server measured on core 1 (taskset)\n'
      : 'load generator and server share the cores (BENCH_PIN=1 and taskset pin them apart)\n',
  );
  console.log('Body size of every route a page polls, raw and gzip-compressed (what a browser receives):');
  console.table(await payloadTable(board.url, admin, viewer));

  await sabotageIfAsked(board.url, admin, [viewer.linkId], [technician.userId]);
  console.log(
    `GET /api/fleet/summary: ${admins.bytes.toLocaleString('en-US')} bytes as admin, ${links.bytes.toLocaleString('en-US')} as share link`,
  );
  const verdicts: string[] = [];
  const rows: Record<string, Row> = {};
  for (const [session, twin] of [
    [admin, admins],
    [viewer, links],
    [technician, technicians],
  ] as const) {
    const [raw, ok, notModified] = await compare([
      { what: `raw server (${session.label}'s bytes)`, url: twin.url, expected: 200, session: null },
      { what: `summary as ${session.label}`, url: summaryUrl, expected: 200, session },
      {
        what: `304 as ${session.label}`,
        url: summaryUrl,
        expected: 304,
        session,
        headers: { 'If-None-Match': twin.etag },
      },
    ]);
    if (!raw || !ok || !notModified) throw new Error('a comparison lost a row');
    rows[`raw node:http, ${session.label}'s bytes`] = raw;
    rows[`Levelboard, ${session.label}`] = ok;
    rows[`Levelboard, ${session.label}, If-None-Match → 304`] = notModified;
    verdicts.push(
      `${session.label}: ${((ok['req/s'] / raw['req/s']) * 100).toFixed(0)} % of raw (goal ≥ 60 %), ` +
        `p99 ${ok['p99 ms']} ms (goal < 20 ms); 304: ${notModified['req/s']} req/s, p99 ${notModified['p99 ms']} ms ` +
        `(goal: at least as fast as 200)`,
    );
  }
  console.table(rows);
  for (const line of verdicts) console.log(line);

  for (const twin of [admins, links, technicians]) twin.stop();
  await board.stop();
  await sim.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof UnexpectedStatus ? `✗ bench:serve: ${error.message}` : error);
  process.exit(1);
});
