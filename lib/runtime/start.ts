import { getStore } from '@/lib/db/instance';
import { getEnv } from '@/lib/env';
import { initFleetRuntime, isSyncLeader } from '@/lib/fleet/instance';
import { logger, registerSecret } from '@/lib/logger';
import { initHistory } from '@/lib/runtime/history';
import { setLevelConnection } from '@/lib/runtime/level-connection';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import 'server-only';

const slot = globalThis as typeof globalThis & { __levelboardStarted?: Promise<void> };

/** Runs once per server process (instrumentation.ts); a dev hot reload finds the promise and returns. */
export function startServerRuntime(): Promise<void> {
  slot.__levelboardStarted ??= boot();
  return slot.__levelboardStarted;
}

async function boot(): Promise<void> {
  const env = getEnv();
  registerSecret(env.LEVEL_API_KEY);
  registerSecret(env.SESSION_SECRET);
  registerSecret(env.ADMIN_PASSWORD);

  if (env.LEVEL_API_KEY) {
    setLevelConnection({ baseUrl: env.LEVEL_API_URL, apiKey: env.LEVEL_API_KEY, demo: false });
    logger.info({ levelApiUrl: env.LEVEL_API_URL }, 'Connecting to Level');
  } else {
    await startDemoSimulator(env.DATA_DIR, env.DEMO_DEVICES, env.DEMO_SEED);
  }
  const store = await getStore();
  const recordHistory = initHistory(store, () => isSyncLeader());
  await initFleetRuntime(store, [recordHistory]).coordinator.start();
  // Imported late: the fast path imports the route handlers, which import this module.
  const { installFastPath } = await import('@/lib/server/fast-path');
  installFastPath();
}

async function startDemoSimulator(dataDir: string, devices: number, seed: number): Promise<void> {
  const { startSimulator } = await import('@/lib/level/simulator');
  const apiKey = randomBytes(24).toString('base64url');
  const controlToken = randomBytes(24).toString('base64url');
  registerSecret(apiKey);
  const simulator = await startSimulator({
    devices,
    seed,
    apiKey,
    controlToken,
    host: '127.0.0.1',
    port: 0,
    quiet: true,
  });
  setLevelConnection({ baseUrl: simulator.url, apiKey, demo: true });

  // Lets local tools and the e2e suite steer the demo fleet; the Level key itself is not written.
  await mkdir(dataDir, { recursive: true });
  await writeFile(
    path.join(dataDir, 'demo-simulator.json'),
    JSON.stringify({ origin: simulator.origin, url: simulator.url, controlToken, pid: process.pid }, null, 2),
    { mode: 0o600 },
  );
  logger.info(
    { simulator: simulator.origin, devices },
    'Demo mode: no LEVEL_API_KEY, using the built-in Level simulator',
  );
}
