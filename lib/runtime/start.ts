import { secrets } from '@/lib/auth/secrets';
import { getStore } from '@/lib/db/instance';
import { getEnv } from '@/lib/env';
import { fleetService, initFleetRuntime, isSyncLeader } from '@/lib/fleet/instance';
import { registerSecret } from '@/lib/logger';
import { startDeliveryWorker } from '@/lib/notify/delivery-worker';
import { acknowledgementPruning } from '@/lib/runtime/acknowledgement-pruning';
import { startAuditRetention } from '@/lib/runtime/audit-retention';
import { applyConnection } from '@/lib/runtime/connection';
import { initHistory } from '@/lib/runtime/history';
import { getLevelClient, levelRequestCount } from '@/lib/runtime/level-client';
import { startNotificationEngine } from '@/lib/runtime/notifications';
import { startPosture } from '@/lib/runtime/posture';
import { startReports } from '@/lib/runtime/reports';
import { initWebhooks } from '@/lib/runtime/webhooks';
import 'server-only';

/**
 * Builds the process: environment, secrets, database, Level connection, history, audit retention,
 * the fleet loop, the webhook receiver, notifications and scheduled reports. Called once, by server/boot.ts; throws when the process cannot start.
 */
export async function startRuntime(): Promise<void> {
  const env = getEnv();
  registerSecret(env.LEVEL_API_KEY);
  registerSecret(env.SESSION_SECRET);
  registerSecret(env.ADMIN_PASSWORD);
  registerSecret(env.OIDC_CLIENT_SECRET);
  secrets();
  const store = await getStore();
  await applyConnection(store);
  const recordHistory = initHistory(store, () => isSyncLeader());
  startAuditRetention(store, env.AUDIT_RETENTION_DAYS, () => isSyncLeader());
  // The engine reads the fleet only when it evaluates, after the fleet runtime below exists; the
  // delivery worker starts once it does (it asks who leads on its first round).
  const wake = { delivery: () => {} };
  const notifications = startNotificationEngine(store, {
    isLeader: () => isSyncLeader(),
    onQueued: () => wake.delivery(),
  });
  // Not awaited: the sync loop does not wait for the rules.
  const notifyAfterSync = async () => void notifications.evaluate();
  const fleet = initFleetRuntime(store, {
    getClient: getLevelClient,
    requestCount: levelRequestCount,
    afterSync: [recordHistory, acknowledgementPruning(store, () => isSyncLeader()), notifyAfterSync],
  });
  await fleet.coordinator.start();
  const delivery = startDeliveryWorker(store, { isLeader: () => isSyncLeader() });
  wake.delivery = () => delivery.kick();
  initWebhooks(store);
  startPosture(store, () => isSyncLeader());
  startReports(store);
  // Another replica's admin may change the stored key; pick it up within seconds.
  setInterval(() => {
    applyConnection(store).then(
      (changed) => changed && isSyncLeader() && void fleetService().syncNow(),
      () => {},
    );
  }, 5_000).unref();
}
