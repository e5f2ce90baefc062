// The end-to-end suite as shards side by side. Each shard is its own `playwright test` with its
// own port base, servers, simulator, data and logs (E2E_SHARD, E2E_PORT_BASE: e2e/support/env.ts),
// so specs that switch the simulator's faults or restart servers never disturb another shard.
// Most of an e2e run waits (syncs, polls, timers): one shard used about 0.6 of this machine's 2
// cores, so two shards roughly halve the wall time. Files are dealt greedily by their measured
// duration; the leak scan runs last in every shard, over that shard's own servers and logs.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

// Seconds per spec file, summed from a two-shard CI run (2026-12-07: tests run slower side by side
// than alone, screenshots and axe most of all); a new file counts as 15 s until measured.
const SECONDS = {
  'screenshots.spec.ts': 446,
  'a11y.spec.ts': 276,
  'scope-leak.spec.ts': 198,
  'wall-hold.spec.ts': 130,
  'wall-self-care.spec.ts': 96,
  'wall-views.spec.ts': 95,
  'link-management.spec.ts': 90,
  'posture.spec.ts': 73,
  'admin-actions-ui.spec.ts': 71,
  'acknowledge.spec.ts': 66,
  'link-screens.spec.ts': 66,
  'wall-legibility.spec.ts': 59,
  'sync-pace.spec.ts': 55,
  'devices.spec.ts': 53,
  'small-findings.spec.ts': 52,
  'stale-banner.spec.ts': 43,
  'oidc.spec.ts': 43,
  'open-in-level.spec.ts': 35,
  'groups.spec.ts': 32,
  'report-delivery.spec.ts': 32,
  'fuzz.spec.ts': 30,
  'overview.spec.ts': 30,
  'live-push.spec.ts': 28,
  'replicas.spec.ts': 25,
  'reports.spec.ts': 24,
  'settings-key-resync.spec.ts': 24,
  'alerts.spec.ts': 22,
  'notifications-ui.spec.ts': 22,
  'admin-actions-api.spec.ts': 21,
  'team-roles.spec.ts': 21,
  'wall-order.spec.ts': 18,
  'accounts.spec.ts': 18,
  'edge.spec.ts': 17,
  'notifications-flow.spec.ts': 16,
  'device-detail-slow.spec.ts': 15,
  'device-detail.spec.ts': 15,
  'report-settings.spec.ts': 15,
  'api.spec.ts': 13,
  'roles.spec.ts': 13,
  'device-flags.spec.ts': 12,
  'sessions.spec.ts': 11,
  'share-link-flow.spec.ts': 11,
  'wall-site-down.spec.ts': 10,
  'webhooks.spec.ts': 8,
  'access.spec.ts': 8,
  'database-startup.spec.ts': 7,
  'webhook-replicas.spec.ts': 6,
  'malformed-cookie.spec.ts': 5,
  'history.spec.ts': 4,
  'config.spec.ts': 4,
};
const LAST = 'zz-leak-scan.spec.ts';

function deal(files, shards) {
  const bins = Array.from({ length: shards }, () => ({ files: [], seconds: 0 }));
  const cost = (file) => SECONDS[file] ?? 15;
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
