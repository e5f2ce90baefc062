// bench:streams — what open live streams (GET /api/events, issue 17) cost the server: 500
// Server-Sent Events streams held by signed-in sessions (the admin, a viewer link, a wall link,
// in turn), the server's RSS and V8 heap before, with them open and after they close, and how
// long one new snapshot version takes to reach every stream. Any answer but 200, a stream that
// ends early or never hears the new version fails the run. Run: npm run bench:streams
// (BENCH_STREAMS=n for another count.)
import { startSimulator } from '@/simulator';
import http from 'node:http';
import { percentile } from './percentiles';
import {
  getAs,
  openShareLink,
  sabotageIfAsked,
  signInAsAdmin,
  SMOKE,
  UnexpectedStatus,
  type BenchSession,
} from './sessions';
import { machine, metricValue, mib, randomKey, requireBuild, sleep, startLevelboard } from './support';

const STREAMS = Number(process.env.BENCH_STREAMS ?? (SMOKE ? 20 : 500));
const DEVICES = SMOKE ? 100 : 2_000;

interface OpenStream {
  text: string;
  ended: boolean;
  /** When each snapshot version was first heard on this stream. */
  heard: Map<string, number>;
  close(): void;
}

function openStream(url: string, session: BenchSession): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    // agent: false — a connection of its own, as each browser tab holds one.
    const request = http.get(`${url}/api/events`, { agent: false, headers: { Cookie: session.cookie } });
    request.on('error', reject);
    request.on('response', (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        return reject(
          new UnexpectedStatus(`GET /api/events as ${session.label}`, response.statusCode ?? 0, [200]),
        );
      }
      const stream: OpenStream = { text: '', ended: false, heard: new Map(), close: () => request.destroy() };
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        stream.text += chunk;
        for (const match of chunk.matchAll(/event: snapshot\ndata: \{"version":"([\d.]+)"/g)) {
          const version = match[1] ?? '';
          if (!stream.heard.has(version)) stream.heard.set(version, performance.now());
        }
        // Keep only the tail: 500 streams × a long run would otherwise measure this process.
        if (stream.text.length > 4_096) stream.text = stream.text.slice(-1_024);
      });
      response.on('end', () => (stream.ended = true));
      response.on('error', () => (stream.ended = true));
      resolve(stream);
    });
  });
}

interface Sample {
  rss: number;
  heap: number;
}

async function sample(board: { rssBytes(): number; url: string }, admin: BenchSession): Promise<Sample> {
  // Settle first. The heap figure is V8's used heap as the server's own metrics report it; it
  // saws with every minor GC, so the lowest of five readings stands for the live heap.
  await sleep(SMOKE ? 500 : 3_000);
  const heaps: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    heaps.push(await metricValue(board.url, admin, 'levelboard_process_nodejs_heap_size_used_bytes'));
    await sleep(SMOKE ? 50 : 400);
  }
  return { rss: board.rssBytes(), heap: Math.min(...heaps) };
}

async function main(): Promise<void> {
  requireBuild();
  const apiKey = randomKey();
  const sim = await startSimulator({ devices: DEVICES, apiKey, frozen: true, quiet: true });
  // A long interval: the only new version during the measurement is the one this bench asks for.
  const board = await startLevelboard({
    LEVEL_API_KEY: apiKey,
    LEVEL_API_URL: sim.url,
    SYNC_INTERVAL_SECONDS: '600',
  });
  const streams: OpenStream[] = [];
  try {
    const admin = await signInAsAdmin(board.url);
    const viewer = await openShareLink(board.url, admin, { kind: 'viewer' });
    const wall = await openShareLink(board.url, admin, { kind: 'wall' });
    const sessions: BenchSession[] = [admin, viewer, wall];
    // Warm the routes the bench reads, so their first-use cost is in "before", not in the streams.
    await getAs(`${board.url}/api/fleet/summary`, admin);
    await metricValue(board.url, admin, 'levelboard_process_nodejs_heap_size_used_bytes');
    const before = await sample(board, admin);

    await sabotageIfAsked(board.url, admin, [viewer.linkId, wall.linkId]);
    const opening = performance.now();
    for (let i = 0; i < STREAMS; i += 50) {
      const batch = Array.from({ length: Math.min(50, STREAMS - i) }, (_, j) =>
        openStream(board.url, sessions[(i + j) % sessions.length] as BenchSession),
      );
      streams.push(...(await Promise.all(batch)));
    }
    const openMs = performance.now() - opening;
    const open = await sample(board, admin);
    if (streams.some((stream) => stream.ended)) throw new Error('a stream ended while the others opened');
    const first = streams.map((stream) => new Set(stream.heard.keys()));

    // One new version (a sync on demand) must reach every stream.
    const asked = performance.now();
    const sync = await fetch(`${board.url}/api/fleet/sync`, {
      method: 'POST',
      headers: { Origin: board.url, Cookie: admin.cookie },
    });
    if (sync.status !== 200)
      throw new UnexpectedStatus('POST /api/fleet/sync as admin', sync.status, [200], await sync.text());
    // The answer comes after the sync; the streams hear of it within a tick of its end.
    const syncMs = performance.now() - asked;
    const deadline = Date.now() + 15_000;
    const arrivals = () =>
      streams.map((stream, i) => [...stream.heard].find(([version]) => !first[i]?.has(version))?.[1]);
    while (arrivals().some((at) => at === undefined)) {
      if (Date.now() > deadline) {
        const missing = arrivals().filter((at) => at === undefined).length;
        throw new Error(`${missing} of ${STREAMS} streams never heard the new snapshot version`);
      }
      await sleep(20);
    }
    const fanOut = arrivals()
      .map((at) => (at ?? 0) - asked)
      .sort((a, b) => a - b);
    if (streams.some((stream) => stream.ended)) throw new Error('a stream ended early');

    for (const stream of streams) stream.close();
    const after = await sample(board, admin);

    const perStream = (open.rss - before.rss) / STREAMS;
    console.log(`bench:streams — ${STREAMS} open /api/events streams, ${DEVICES} devices; ${machine()}`);
    console.table([
      { phase: 'before', RSS: mib(before.rss), 'heap used': mib(before.heap) },
      { phase: `${STREAMS} streams open`, RSS: mib(open.rss), 'heap used': mib(open.heap) },
      { phase: 'after one sync and closing them', RSS: mib(after.rss), 'heap used': mib(after.heap) },
    ]);
    console.table([
      {
        'opened in': `${(openMs / 1000).toFixed(1)} s`,
        'RSS per stream': `${(perStream / 1024).toFixed(1)} KiB`,
        'heap per stream': `${((open.heap - before.heap) / STREAMS / 1024).toFixed(1)} KiB`,
        'sync on demand': `${syncMs.toFixed(0)} ms`,
        'sync asked → new version on every stream': `p50 ${percentile(fanOut, 50).toFixed(0)} ms, max ${(fanOut.at(-1) ?? 0).toFixed(0)} ms`,
      },
    ]);
  } finally {
    for (const stream of streams) stream.close();
    await board.stop();
    await sim.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
