// The end-to-end suite as shards side by side. Each shard is its own `playwright test` with its
// own port base, servers, simulator, data and logs (E2E_SHARD, E2E_PORT_BASE: e2e/support/env.ts),
// so specs that switch the simulator's faults or restart servers never disturb another shard.
// Most of an e2e run waits (syncs, polls, timers): one shard used about 0.6 of this machine's 2
// cores, so two shards roughly halve the wall time. Files are dealt greedily by their measured
// duration; the leak scan runs last in every shard, over that shard's own servers and logs.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

// Seconds per spec file in a serial CI run (2026-12-07); a new file counts as 25 s until measured.
const SECONDS = {
  'a11y.spec.ts': 105,
  'screenshots.spec.ts': 103,
  'wall-self-care.spec.ts': 86,
  'wall-views.spec.ts': 72,
  'scope-leak.spec.ts': 59,
  'link-management.spec.ts': 58,
  'sync-pace.spec.ts': 52,
  'wall-hold.spec.ts': 51,
  'acknowledge.spec.ts': 48,
  'link-screens.spec.ts': 43,
  'wall-legibility.spec.ts': 41,
  'admin-actions-ui.spec.ts': 38,
  'stale-banner.spec.ts': 37,
  'live-push.spec.ts': 27,
  'small-findings.spec.ts': 26,
  'fuzz.spec.ts': 20,
  'replicas.spec.ts': 20,
  'groups.spec.ts': 20,
  'settings-key-resync.spec.ts': 19,
  'devices.spec.ts': 19,
  'admin-actions-api.spec.ts': 18,
  'oidc.spec.ts': 18,
  'wall-order.spec.ts': 17,
  'edge.spec.ts': 15,
  'open-in-level.spec.ts': 15,
};
const LAST = 'zz-leak-scan.spec.ts';

function deal(files, shards) {
  const bins = Array.from({ length: shards }, () => ({ files: [], seconds: 0 }));
  const cost = (file) => SECONDS[file] ?? 25;
  for (const file of files.toSorted((a, b) => cost(b) - cost(a))) {
    const bin = bins.reduce((low, next) => (next.seconds < low.seconds ? next : low));
    bin.files.push(file);
    bin.seconds += cost(file);
  }
  return bins;
}

const asFilter = (file) => `e2e/${file.replaceAll('.', '\\.')}$`;

function runShard(index, files, env, portBase) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npx', ['playwright', 'test', ...files.map(asFilter), asFilter(LAST)], {
      env: { ...env, E2E_SHARD: String(index), E2E_PORT_BASE: String(portBase) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const prefix = `[e2e ${index}] `;
    const relay = (stream, out) => {
      let rest = '';
      stream.on('data', (chunk) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) out.write(prefix + line + '\n');
      });
      stream.on('end', () => rest && out.write(prefix + rest + '\n'));
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('close', (code, signal) =>
      resolve({ index, code: code ?? 1, signal, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

/** Runs every spec of e2e/ in `shards` shards at once; resolves with the exit code (0: all passed). */
export async function runShardedE2e(env, shards = 2) {
  const files = readdirSync(path.resolve('e2e')).filter((file) => file.endsWith('.spec.ts') && file !== LAST);
  const bins = deal(files, shards);
  bins.forEach((bin, n) =>
    console.log(`› e2e shard ${n + 1}: ${bin.files.length} files, ~${bin.seconds} s measured serially`),
  );
  const results = await Promise.all(bins.map((bin, n) => runShard(n + 1, bin.files, env, 3100 + n * 100)));
  for (const result of results)
    console.log(
      `› e2e shard ${result.index}: ${result.code === 0 ? 'passed' : `FAILED (exit ${result.code}${result.signal ? `, ${result.signal}` : ''})`} in ${result.seconds.toFixed(0)} s`,
    );
  return results.every((result) => result.code === 0) ? 0 : 1;
}
