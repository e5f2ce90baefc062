import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS } from './env';

// Extra Levelboard processes for specs that need several (replicas) or kill them (durability).

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServer(
  name: string,
  port: number,
  env: Record<string, string>,
  /** `keepData`: a restart of an earlier server of that name, on its database. */
  options: { keepData?: boolean } = {},
): Promise<ServerProcess> {
  const dataDir = path.join(ARTIFACTS, `data-${name}`);
  if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const log = createWriteStream(path.join(ARTIFACTS, `server-${name}.log`), {
    flags: options.keepData ? 'a' : 'w',
  });
  const child = spawn(process.execPath, [path.resolve('.next/standalone/levelboard-server.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOSTNAME: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      ...env,
    },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
  return {
    url,
    child,
    kill: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export async function health(
  url: string,
): Promise<{ stale: boolean; lastSyncAt: string | null; upstream: { role: string } }> {
  return (await fetch(`${url}/api/health`)).json();
}
