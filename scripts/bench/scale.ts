// bench:scale — full syncs of 10,000 and 50,000 devices through the real server, Level answering
// with added latency: wall time against pages × latency ÷ concurrency (goal ≤ 1.2×) and server RSS
// after the sync (goal < 1 GiB at 50k). Run: npm run bench:scale
// It watches the syncs through /api/fleet/summary signed in as the admin; any answer but 200 fails.
import { startSimulator } from '@/simulator';
import { getAs, signInAsAdmin, SMOKE, StatusTally, type BenchSession } from './sessions';
import { machine, mib, randomKey, requireBuild, sleep, startLevelboard } from './support';

const SIZES = (process.env.BENCH_SIZES ?? (SMOKE ? '300' : '10000,50000')).split(',').map(Number);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? (SMOKE ? 2 : 50));
const CONCURRENCY = 4;

interface Summary {
  sync: { syncedAt: string | null; lastDurationMs: number | null; lastRequestCount: number | null };
  devices: { total: number };
}

/** The summary as the admin; getAs throws on any status but 200, the tally and size go in the table. */
interface Reader {
  admin: BenchSession;
  statuses: StatusTally;
  lastBytes: number;
}

async function summary(url: string, reader: Reader): Promise<Summary> {
  const response = await getAs(`${url}/api/fleet/summary`, reader.admin);
  const text = await response.text();
  reader.statuses.add(response.status);
  reader.lastBytes = text.length;
  return JSON.parse(text) as Summary;
}

async function nextSync(url: string, reader: Reader, after: string | null): Promise<Summary> {
  // A few intervals at most: a sync that never comes must stop the run, not hang it.
  const deadline = Date.now() + (SMOKE ? 30_000 : 600_000);
  for (;;) {
    const current = await summary(url, reader);
    if (current.sync.syncedAt && current.sync.syncedAt !== after) return current;
    if (Date.now() > deadline) throw new Error(`no sync after ${after ?? 'the first'} in time`);
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
  try {
    const reader: Reader = {
      admin: await signInAsAdmin(board.url),
      statuses: new StatusTally(),
      lastBytes: 0,
    };
    const first = await summary(board.url, reader);
    // The first sync walks serially (no previous order to slice by); steady state is the next one.
    const second = await nextSync(board.url, reader, first.sync.syncedAt);
    const rss = board.rssBytes();
    const pages = second.sync.lastRequestCount ?? 0;
    const ideal = (pages * LATENCY_MS) / CONCURRENCY;
    const wall = second.sync.lastDurationMs ?? 0;
    return {
      devices,
      'first sync ms': first.sync.lastDurationMs,
      'first sync requests': first.sync.lastRequestCount,
      'steady sync ms': wall,
      'steady requests': pages,
      'ideal ms (pages×lat÷conc)': Math.round(ideal),
      'wall ÷ ideal': +(wall / ideal).toFixed(2),
      'server RSS': mib(rss),
      'summary body': `${(reader.lastBytes / 1024).toFixed(1)} KiB`,
      'summary statuses (admin)': reader.statuses.toString(),
    };
  } finally {
    await board.stop();
    await sim.close();
  }
}

async function main() {
  requireBuild();
  console.log(
    `\nbench:scale — Level latency ${LATENCY_MS} ms per request, concurrency ${CONCURRENCY}${SMOKE ? ' (smoke: correctness only)' : ''}`,
  );
  console.log(`machine: ${machine()}\n`);
  const rows = [];
  for (const size of SIZES) rows.push(await measure(size));
  console.table(rows);
  console.log(
    `Goals: wall ÷ ideal ≤ 1.2 on the steady sync; server RSS < 1 GiB at 50,000 devices${SMOKE ? ' (not judged in a smoke run)' : ''}.`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
