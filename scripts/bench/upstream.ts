// bench:upstream — requests reaching Level (the simulator) per sync with 1 and with 200 browsers
// polling Levelboard over the same period. Goal: ratio ≤ 1.05. Run: npm run bench:upstream
import { startSimulator } from '@/lib/level/simulator';
import { machine, metricValue, randomKey, requireBuild, sleep, startLevelboard } from './support';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 2_000);
const SYNC_SECONDS = Number(process.env.BENCH_SYNC_SECONDS ?? 5);
const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 30);
const POLL_MS = 1_000;

// What one open dashboard tab asks for each second (and a device page now and then).
const PATHS = [
  '/api/fleet/summary',
  '/api/fleet/clients',
  '/api/devices?limit=100&sort=-alerts',
  '/api/alerts',
  '/api/groups',
];

async function pollers(url: string, count: number, deviceIds: string[], until: number): Promise<number> {
  let answered = 0;
  const viewer = async (n: number) => {
    const etags = new Map<string, string>();
    let tick = 0;
    while (Date.now() < until) {
      // Every viewer opens one of the same few devices, so both phases ask for the same detail.
      const extra = tick % 10 === n % 10 ? [`/api/devices/${deviceIds[tick % deviceIds.length]}`] : [];
      await Promise.all(
        [...PATHS, ...extra].map(async (path) => {
          const response = await fetch(`${url}${path}`, {
            headers: { 'If-None-Match': etags.get(path) ?? '' },
          });
          const etag = response.headers.get('etag');
          if (etag) etags.set(path, etag);
          await response.arrayBuffer();
          answered += 1;
        }),
      );
      tick += 1;
      await sleep(POLL_MS);
    }
  };
  await Promise.all(Array.from({ length: count }, (_, n) => viewer(n)));
  return answered;
}

async function phase(
  url: string,
  sim: Awaited<ReturnType<typeof startSimulator>>,
  viewers: number,
  deviceIds: string[],
) {
  const syncs = () => metricValue(url, 'levelboard_sync_duration_seconds_count', '{result="ok"}');
  const syncRequests = () => metricValue(url, 'levelboard_sync_level_requests_total');
  const [syncsBefore, syncRequestsBefore] = [await syncs(), await syncRequests()];
  const totalBefore = sim.stats().requests.total;
  const answered = await pollers(url, viewers, deviceIds, Date.now() + PHASE_SECONDS * 1000);
  const syncCount = (await syncs()) - syncsBefore;
  const bySync = (await syncRequests()) - syncRequestsBefore;
  const total = sim.stats().requests.total - totalBefore;
  return {
    viewers,
    'viewer requests': answered,
    syncs: syncCount,
    'Level requests (all)': total,
    'other (detail, partial sync)': total - bySync,
    'Level requests/sync': +(bySync / Math.max(1, syncCount)).toFixed(2),
  };
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
  const list = (await (await fetch(`${board.url}/api/devices?limit=50`)).json()) as {
    data: { id: string }[];
  };
  const deviceIds = list.data.slice(0, 5).map((row) => row.id);
  console.log(
    `\nbench:upstream — ${DEVICES.toLocaleString('en-US')} devices, sync every ${SYNC_SECONDS} s, ${PHASE_SECONDS} s per phase`,
  );
  console.log(`machine: ${machine()}\n`);
  const one = await phase(board.url, sim, 1, deviceIds);
  const many = await phase(board.url, sim, 200, deviceIds);
  console.table([one, many]);
  const ratio = many['Level requests/sync'] / one['Level requests/sync'];
  console.log(`Level requests per sync, 200 viewers ÷ 1 viewer = ${ratio.toFixed(3)} (goal ≤ 1.05)`);
  await board.stop();
  await sim.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
