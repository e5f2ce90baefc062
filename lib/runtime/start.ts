import { secrets } from '@/lib/auth/secrets';
import { getStore } from '@/lib/db/instance';
import { getEnv } from '@/lib/env';
import { fleetService, initFleetRuntime, isSyncLeader } from '@/lib/fleet/instance';
import { registerSecret } from '@/lib/logger';
import { startAuditRetention } from '@/lib/runtime/audit-retention';
import { applyConnection } from '@/lib/runtime/connection';
import { initHistory } from '@/lib/runtime/history';
import 'server-only';

const slot = globalThis as typeof globalThis & {
  __levelboardStarted?: Promise<void>;
  __levelboardRunning?: boolean;
};

/** True once startServerRuntime() has finished: requests then need not wait on it. */
export const serverRuntimeRunning = (): boolean => slot.__levelboardRunning === true;

/** Runs once per server process (instrumentation.ts); a dev hot reload finds the promise and returns. */
export function startServerRuntime(): Promise<void> {
  slot.__levelboardStarted ??= boot()
    .then(() => {
      slot.__levelboardRunning = true;
    })
    .catch((error: unknown) => {
      // A half-started process would answer 500 to everything; exiting lets the supervisor see it.
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Levelboard cannot start: ${message}`);
      process.exit(1);
    });
  return slot.__levelboardStarted;
}

async function boot(): Promise<void> {
  const env = getEnv();
  registerSecret(env.LEVEL_API_KEY);
  registerSecret(env.SESSION_SECRET);
  registerSecret(env.ADMIN_PASSWORD);
  secrets();
  const store = await getStore();
  await applyConnection(store);
  const recordHistory = initHistory(store, () => isSyncLeader());
  startAuditRetention(store, env.AUDIT_RETENTION_DAYS, () => isSyncLeader());
  await initFleetRuntime(store, [recordHistory]).coordinator.start();
  // Another replica's admin may change the stored key; pick it up within seconds.
  setInterval(() => {
    applyConnection(store).then(
      (changed) => changed && isSyncLeader() && void fleetService().syncNow(),
      () => {},
    );
  }, 5_000).unref();
  // Imported late: the fast path imports the route handlers, which import this module.
  const { installFastPath } = await import('@/server/fast-path');
  installFastPath();
}
