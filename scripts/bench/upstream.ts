// bench:upstream — requests reaching Level (the simulator) per sync with 1 and with 200 browsers
// polling Levelboard over the same period. Goal: ratio ≤ 1.05. Run: npm run bench:upstream
// The pollers are signed in: half as the admin, half as share-link viewers (the one poller of the
// first phase is the admin). Any answer but 200/304 fails the run: 401s would cost Level nothing.
import { startSimulator } from '@/simulator';
import {
  getJsonAs,
  openShareLink,
  sabotageIfAsked,
  signInAsAdmin,
  SMOKE,
  StatusTally,
  type BenchSession,
} from './sessions';
import { machine, metricValue, randomKey, requireBuild, sleep, startLevelboard } from './support';

const DEVICES = Number(process.env.BENCH_DEVICES ?? (SMOKE ? 200 : 2_000));
// 5 s is the shortest interval Levelboard accepts; a smoke phase may see no sync at all.
const SYNC_SECONDS = Number(process.env.BENCH_SYNC_SECONDS ?? 5);
const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? (SMOKE ? 2 : 30));
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? (SMOKE ? 4 : 200));
const POLL_MS = 1_000;
const ALLOWED = [200, 304] as const;

// What one open dashboard tab asks for each second (and a device page now and then).
const PATHS = [
  '/api/fleet/summary',
  '/api/fleet/clients',
  '/api/devices?limit=100&sort=-alerts',
  '/api/alerts',
  '/api/groups',
];

interface Polled {
  answered: number;
  bytes: number;
  /** Statuses by who asked: admin, share link (viewer). */
  statuses: Map<BenchSession['label'], StatusTally>;
}

async function pollers(
  url: string,
  sessions: BenchSession[],
  deviceIds: string[],
  until: number,
): Promise<Polled> {
  const polled: Polled = { answered: 0, bytes: 0, statuses: new Map() };
  for (const session of sessions)
    if (!polled.statuses.has(session.label)) polled.statuses.set(session.label, new StatusTally());
  const poller = async (n: number, session: BenchSession) => {
    const tally = polled.statuses.get(session.label) as StatusTally;
    const etags = new Map<string, string>();
    let tick = 0;
    while (Date.now() < until) {
      // Every poller opens one of the same few devices, so both phases ask for the same detail.
      const extra = tick % 10 === n % 10 ? [`/api/devices/${deviceIds[tick % deviceIds.length]}`] : [];
      await Promise.all(
        [...PATHS, ...extra].map(async (path) => {
          const response = await fetch(`${url}${path}`, {
            headers: { 'If-None-Match': etags.get(path) ?? '', Cookie: session.cookie },
          });
          const etag = response.headers.get('etag');
          if (etag) etags.set(path, etag);
          polled.bytes += (await response.arrayBuffer()).byteLength;
          tally.add(response.status);
          polled.answered += 1;
        }),
      );
      tick += 1;
      await sleep(POLL_MS);
    }
  };
  await Promise.all(sessions.map((session, n) => poller(n, session)));
  return polled;
}

async function phase(
  url: string,
  sim: Awaited<ReturnType<typeof startSimulator>>,
  admin: BenchSession,
  sessions: BenchSession[],
  deviceIds: string[],
) {
  const syncs = () => metricValue(url, admin, 'levelboard_sync_duration_seconds_count', '{result="ok"}');
  const syncRequests = () => metricValue(url, admin, 'levelboard_sync_level_requests_total');
  const [syncsBefore, syncRequestsBefore] = [await syncs(), await syncRequests()];
  const totalBefore = sim.stats().requests.total;
  const polled = await pollers(url, sessions, deviceIds, Date.now() + PHASE_SECONDS * 1000);
  const syncCount = (await syncs()) - syncsBefore;
  const bySync = (await syncRequests()) - syncRequestsBefore;
  const total = sim.stats().requests.total - totalBefore;
  const count = (label: BenchSession['label']) => sessions.filter((s) => s.label === label).length;
  const row = {
    pollers: `${sessions.length} (${count('admin')} admin, ${count('share link (viewer)')} viewer)`,
    'poller requests': polled.answered,
    'body MiB': +(polled.bytes / 2 ** 20).toFixed(2),
    'statuses (admin)': String(polled.statuses.get('admin') ?? 'none'),
    'statuses (viewer)': String(polled.statuses.get('share link (viewer)') ?? '—'),
    syncs: syncCount,
    'Level requests (all)': total,
    'other (detail, partial sync)': total - bySync,
    'Level requests/sync': +(bySync / Math.max(1, syncCount)).toFixed(2),
  };
  return { row, statuses: polled.statuses };
}

async function main() {
  requireBuild();
  const apiKey = randomKey();
  const sim = await startSimulator({ devices: DEVICES, apiKey, frozen: true, quiet: true });
  const board = await startLevelboard({
    LEVEL_API_KEY: apiKey,
    LEVEL_API_URL: sim.url,
    SYNC_INTERVAL_SECONDS: String(SYNC_SECONDS),
  });
  try {
    const admin = await signInAsAdmin(board.url);
    const viewer = await openShareLink(board.url, admin);
    const list = await getJsonAs<{ data: { id: string }[] }>(`${board.url}/api/devices?limit=50`, admin);
    const deviceIds = list.data.slice(0, 5).map((row) => row.id);
    if (deviceIds.length === 0) throw new Error('the device list is empty: nothing to poll');
    console.log(
      `\nbench:upstream — ${DEVICES.toLocaleString('en-US')} devices, sync every ${SYNC_SECONDS} s, ${PHASE_SECONDS} s per phase${SMOKE ? ' (smoke: correctness only)' : ''}`,
    );
    console.log(`machine: ${machine()}\n`);
    // Half the pollers are the admin, half share-link viewers (one session each kind, as tabs).
    const many = Array.from({ length: VIEWERS }, (_, n) => (n % 2 === 0 ? admin : viewer));
    await sabotageIfAsked(board.url, admin, [viewer.linkId]);
    const one = await phase(board.url, sim, admin, [admin], deviceIds);
    const crowd = await phase(board.url, sim, admin, many, deviceIds);
    console.table([one.row, crowd.row]);
    for (const [n, result] of [one, crowd].entries())
      for (const [label, tally] of result.statuses)
        tally.assertOnly(`phase ${n + 1} pollers as ${label}`, ALLOWED);
    // A phase without a sync (smoke phases are shorter than the 5 s interval) has no ratio.
    const ratio =
      one.row.syncs > 0 && crowd.row.syncs > 0
        ? (crowd.row['Level requests/sync'] / one.row['Level requests/sync']).toFixed(3)
        : 'n/a (a phase saw no sync)';
    console.log(
      `Level requests per sync, ${VIEWERS} pollers ÷ 1 poller = ${ratio} (goal ≤ 1.05${SMOKE ? '; not judged in a smoke run' : ''})`,
    );
  } finally {
    await board.stop();
    await sim.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
