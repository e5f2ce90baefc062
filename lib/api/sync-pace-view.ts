import type { SyncPaceView } from '@/lib/domain/sync-pace';
import type { SyncPace } from '@/lib/fleet/sync-pace';
import 'server-only';

/** Field by field: nothing the pace may grow later leaks into a public answer by accident. */
export function syncPaceView(pace: SyncPace): SyncPaceView {
  return {
    budgetPerMinute: pace.budgetPerMinute,
    configuredIntervalSeconds: pace.configuredSeconds,
    effectiveIntervalSeconds: pace.effectiveSeconds,
    setBy: pace.setBy,
    requestsPerSync: pace.requestsPerSync,
    webhooksHealthy: pace.webhooksHealthy,
  };
}
