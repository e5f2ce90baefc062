import { storedApiKey } from '@/lib/auth/key-vault';
import type { Store } from '@/lib/db/open';
import { getEnv } from '@/lib/env';
import { logger, registerSecret } from '@/lib/logger';
import { processWide } from '@/lib/process-wide';
import { startDemoWebhooks } from '@/lib/runtime/demo-webhooks';
import { getLevelConnection, setLevelConnection, type LevelConnection } from '@/lib/runtime/level-connection';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import 'server-only';

// Which Level to talk to, decided again whenever the stored key may have changed: LEVEL_API_KEY
// wins; else a key entered in Settings; else the built-in simulator (demo mode).

declare module '@/lib/process-wide' {
  interface ProcessWide {
    demoConnection: Promise<LevelConnection>;
  }
}

/** One simulator per process, however often the connection is decided. */
function startDemo(): Promise<LevelConnection> {
  return processWide('demoConnection', async (): Promise<LevelConnection> => {
    const env = getEnv();
    const { startSimulator } = await import('@/simulator');
    const apiKey = randomBytes(24).toString('base64url');
    const controlToken = randomBytes(24).toString('base64url');
    registerSecret(apiKey);
    const simulator = await startSimulator({
      devices: env.DEMO_DEVICES,
      seed: env.DEMO_SEED,
      apiKey,
      controlToken,
      host: '127.0.0.1',
      port: 0,
      quiet: true,
    });
    startDemoWebhooks(simulator.webhooks);
    // Lets local tools and the e2e suite steer the demo fleet; the Level key itself is not written.
    await mkdir(env.DATA_DIR, { recursive: true });
    await writeFile(
      path.join(env.DATA_DIR, 'demo-simulator.json'),
      JSON.stringify(
        { origin: simulator.origin, url: simulator.url, controlToken, pid: process.pid },
        null,
        2,
      ),
      { mode: 0o600 },
    );
    logger.info(
      { simulator: simulator.origin, devices: env.DEMO_DEVICES },
      'Demo mode: using the built-in Level simulator',
    );
    return { baseUrl: simulator.url, apiKey, demo: true, source: 'demo' };
  });
}

/** Sets the process's Level connection from env, the stored key, or demo; true if it changed. */
export async function applyConnection(store: Store): Promise<boolean> {
  const env = getEnv();
  const before = getLevelConnection();
  let next: LevelConnection;
  if (env.LEVEL_API_KEY) {
    next = { baseUrl: env.LEVEL_API_URL, apiKey: env.LEVEL_API_KEY, demo: false, source: 'env' };
  } else {
    const stored = await storedApiKey(store);
    if (stored) registerSecret(stored);
    next = stored
      ? { baseUrl: env.LEVEL_API_URL, apiKey: stored, demo: false, source: 'settings' }
      : await startDemo();
  }
  const changed = before?.apiKey !== next.apiKey || before.baseUrl !== next.baseUrl;
  if (changed) {
    setLevelConnection(next);
    logger.info(
      { source: next.source, levelApiUrl: next.demo ? 'simulator' : next.baseUrl },
      'Level connection set',
    );
  }
  return changed;
}
