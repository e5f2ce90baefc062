// Shared by the benchmark scripts: real processes on loopback, nothing mocked.
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { getAs, type BenchSession } from './sessions';

export const root = path.resolve(import.meta.dirname, '..', '..');

// Every server a bench starts dies with it, also when the bench fails half-way: a server left
// running would load the machine under the next bench's measurement.
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/**
 * On a machine with two or more cores, a load bench (BENCH_PIN=1, which bench:serve sets) runs
 * its load generator on core 0 and each server on core 1, so the two never compete for a core
 * and the raw server and Levelboard are measured on the same footing.
 */
const PIN = process.env.BENCH_PIN === '1' && os.cpus().length >= 2 && existsSync('/usr/bin/taskset');

export function pinThisProcessToLoadCore(): void {
  if (PIN) execFileSync('/usr/bin/taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
}

export const pinned = () => PIN;

/** Spawns a helper process that is killed when this process exits, however it exits. */
export function spawnOwned(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = PIN
    ? spawn('/usr/bin/taskset', ['-c', '1', command, ...args], options)
    : spawn(command, args, options);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function requireBuild(): void {
  if (!existsSync(path.join(root, '.next/standalone/server.js'))) {
    console.error('No build found: run `npm run build` first.');
    process.exit(1);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export const randomKey = () => `bench-${randomBytes(16).toString('base64url')}`;

export interface Levelboard {
  url: string;
  process: ChildProcess;
  rssBytes(): number;
  stop(): Promise<void>;
}

/** Starts the standalone server (as production runs it) against a Level URL and waits for its first sync. */
export async function startLevelboard(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<Levelboard> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'levelboard-bench-'));
  const entry = path.join(root, '.next/standalone/levelboard-server.js');
  const child = spawnOwned(process.execPath, [...nodeArgs, entry], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOSTNAME: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: 'bench-password',
      LOG_LEVEL: 'warn',
      // Benches measure serving and syncing at the interval they ask for; the default 100/min
      // budget would stretch it (lib/fleet/sync-pace.ts). bench:sync-budget models the budget.
      LEVEL_REQUESTS_PER_MINUTE: '100000',
      // Nor may webhooks (demo mode sends them) turn the sync into a 5-minute safety net.
      SYNC_WITH_WEBHOOKS_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Levelboard exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('Levelboard did not finish its first sync in time');
    await sleep(250);
  }
  return {
    url,
    process: child,
    rssBytes: () => rssOf(child.pid ?? 0),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads one Prometheus sample (first match) from Levelboard's /api/metrics (admin only). */
export async function metricValue(
  url: string,
  admin: BenchSession,
  name: string,
  labels = '',
): Promise<number> {
  const text = await (await getAs(`${url}/api/metrics`, admin)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels}`) && !l.startsWith('#'));
  return Number(line?.split(' ').at(-1) ?? 0);
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

export function table(rows: Record<string, string | number>[]): void {
  console.table(rows);
}
