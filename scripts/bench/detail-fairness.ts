// bench:detail-fairness — how long a fleet sync takes while one share-link session asks for 900
// device details at once (issue 13, item 3). Real simulator (with latency), real Level client,
// real FleetService, one shared request gate, as in a Levelboard process.
//   BENCH_MODE=fair   — detail through DeviceDetailCache (demand lane, per-session limit)
//   BENCH_MODE=unfair — what the code before the fix did: every detail a plain request in the
//                       gate's one FIFO queue (runs on the old code too: it uses nothing new)
// Run: npm run bench:detail (BENCH_MODE=unfair for the figures before the fix)
// In-process (no HTTP to Levelboard, so no sessions). BENCH_SMOKE=1: 300 devices, 30 details, one
// sync per phase — correctness only. Any throw, or a flood that got no detail at all, exits 1.
import { DeviceDetailCache } from '@/lib/fleet/device-detail';
import { FleetService } from '@/lib/fleet/fleet-service';
import { createLevelClient } from '@/lib/level';
import { ALL_DEVICE_INCLUDES } from '@/lib/level/endpoints/devices';
import { startSimulator } from '@/simulator';
import { SMOKE } from './sessions';
import { machine, table } from './support';

const MODE = process.env.BENCH_MODE === 'unfair' ? 'unfair' : 'fair';
const DEVICES = Number(process.env.BENCH_DEVICES ?? (SMOKE ? 300 : 3_000));
const DETAILS = Number(process.env.BENCH_DETAILS ?? (SMOKE ? 30 : 900));
const PER_MINUTE = Number(process.env.BENCH_REQUESTS_PER_MINUTE ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const SYNCS = Number(process.env.BENCH_SYNCS ?? (SMOKE ? 1 : 3));
/** Fresh detail fetches one session may cause per minute (1000: only the demand lane protects syncs). */
const PER_SESSION = Number(process.env.BENCH_PER_SESSION ?? 30);
const KEY = 'bench-detail-key-0123456789';

async function main() {
  const sim = await startSimulator({ devices: DEVICES, seed: 13, apiKey: KEY, frozen: true, quiet: true });
  sim.faults.set({ latencyMs: LATENCY_MS });
  let requests = 0;
  const client = createLevelClient({
    baseUrl: sim.url,
    apiKey: KEY,
    concurrency: CONCURRENCY,
    requestsPerMinute: PER_MINUTE,
    onRequest: () => (requests += 1),
  });
  const service = new FleetService({
    getClient: () => client,
    intervalMs: 60_000,
    slices: CONCURRENCY,
    requestCount: () => requests,
  });

  const syncOnce = async () => {
    const started = performance.now();
    await service.syncNow();
    return performance.now() - started;
  };
  const baseline: number[] = [];
  for (let i = 0; i < SYNCS; i += 1) baseline.push(await syncOnce());
  const ids = (service.current()?.devices ?? []).map((device) => device.id).slice(0, DETAILS);

  // One viewer fires every request at once, like a script behind a share link.
  const requestsBefore = requests;
  const cache = new DeviceDetailCache(() => client, { perCallerPerMinute: PER_SESSION });
  let fresh = 0;
  let withoutDetail = 0;
  const hammerStarted = performance.now();
  const hammer = Promise.all(
    ids.map(async (id) => {
      if (MODE === 'unfair') {
        await client.devices.get(id, ALL_DEVICE_INCLUDES).then(
          () => (fresh += 1),
          () => (withoutDetail += 1),
        );
        return;
      }
      const read = await cache.read(id, 'link:hammer');
      if (read.detail && !read.detailError) fresh += 1;
      else withoutDetail += 1;
    }),
  ).then(() => performance.now() - hammerStarted);
  const loaded: number[] = [];
  for (let i = 0; i < SYNCS; i += 1) loaded.push(await syncOnce());
  const hammerMs = await hammer;

  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  console.log(`detail-fairness (${MODE}) on ${machine()}`);
  console.log(
    `${DEVICES} devices, ${LATENCY_MS} ms latency, gate ${CONCURRENCY} in flight / ${PER_MINUTE} per min, ` +
      `${ids.length} detail requests from one session` +
      (MODE === 'fair' ? ` (limit ${PER_SESSION} fresh per minute)` : ''),
  );
  table([
    { phase: 'sync alone', 'durations (s)': baseline.map(seconds).join(' / ') },
    { phase: 'sync during the detail flood', 'durations (s)': loaded.map(seconds).join(' / ') },
  ]);
  console.log(
    `flood: ${fresh} answered with fresh detail, ${withoutDetail} without (limit or error), done in ${seconds(hammerMs)} s; ` +
      `Level requests during the flood and syncs: ${requests - requestsBefore}`,
  );
  await sim.close();
  // Every detail request was answered one way or the other, and some with a detail: a flood of
  // errors would make the syncs look fast for the wrong reason.
  if (ids.length !== Math.min(DETAILS, DEVICES))
    throw new Error(
      `the fleet had ${ids.length} devices to ask about, expected ${Math.min(DETAILS, DEVICES)}`,
    );
  if (fresh + withoutDetail !== ids.length || fresh === 0)
    throw new Error(`flood: ${fresh} fresh + ${withoutDetail} without detail of ${ids.length} requests`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
