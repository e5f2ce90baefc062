// bench:scale — full syncs of 10,000 and 50,000 devices through the real server, Level answering
// with added latency: wall time against pages × latency ÷ concurrency (goal ≤ 1.2×) and server RSS
// after the sync (goal < 1 GiB at 50k). Run: npm run bench:scale
import { startSimulator } from '@/lib/level/simulator';
import { machine, mib, randomKey, requireBuild, sleep, startLevelboard } from './support';

const SIZES = (process.env.BENCH_SIZES ?? '10000,50000').split(',').map(Number);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CONCURRENCY = 4;

interface Summary {
  sync: { syncedAt: string | null; lastDurationMs: number | null; lastRequestCount: number | null };
  devices: { total: number };
}

async function summary(url: string): Promise<Summary> {
  return (await (await fetch(`${url}/api/fleet/summary`)).json()) as Summary;
}

async function nextSync(url: string, after: string | null): Promise<Summary> {
  for (;;) {
    const current = await summary(url);
    if (current.sync.syncedAt && current.sync.syncedAt !== after) return current;
    await sleep(200);
  }
}

async function measure(devices: number) {
  const apiKey = randomKey();
  const sim = await startSimulator({ devices, apiKey, frozen: true, quiet: true });
  sim.faults.set({ latencyMs: LATENCY_MS });
  const board = await startLevelboard({
    LEVEL_API_KEY: apiKey,
    LEVEL_API_URL: sim.url,
    SYNC_INTERVAL_SECONDS: '5',
    LEVEL_CONCURRENCY: String(CONCURRENCY),
    LEVEL_REQUESTS_PER_MINUTE: '100000',
  });
  const first = await summary(board.url);
  // The first sync walks serially (no previous order to slice by); steady state is the next one.
  const second = await nextSync(board.url, first.sync.syncedAt);
  const rss = board.rssBytes();
  const pages = second.sync.lastRequestCount ?? 0;
  const ideal = (pages * LATENCY_MS) / CONCURRENCY;
  const wall = second.sync.lastDurationMs ?? 0;
  await board.stop();
  await sim.close();
  return {
    devices,
    'first sync ms': first.sync.lastDurationMs,
    'first sync requests': first.sync.lastRequestCount,
    'steady sync ms': wall,
    'steady requests': pages,
    'ideal ms (pages×lat÷conc)': Math.round(ideal),
    'wall ÷ ideal': +(wall / ideal).toFixed(2),
    'server RSS': mib(rss),
  };
}

async function main() {
  requireBuild();
  console.log(`\nbench:scale — Level latency ${LATENCY_MS} ms per request, concurrency ${CONCURRENCY}`);
  console.log(`machine: ${machine()}\n`);
  const rows = [];
  for (const size of SIZES) rows.push(await measure(size));
  console.table(rows);
  console.log('Goals: wall ÷ ideal ≤ 1.2 on the steady sync; server RSS < 1 GiB at 50,000 devices.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
