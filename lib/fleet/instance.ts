import { getEnv } from '@/lib/env';
import { DeviceDetailCache } from '@/lib/fleet/device-detail';
import { recordFleetMetrics } from '@/lib/fleet/fleet-metrics';
import { FleetService } from '@/lib/fleet/fleet-service';
import { logger } from '@/lib/logger';
import { metrics } from '@/lib/metrics';
import { getLevelClient, levelRequestCount } from '@/lib/runtime/level-client';
import 'server-only';

interface FleetRuntime {
  service: FleetService;
  details: DeviceDetailCache;
}

// On globalThis: Next bundles instrumentation and route handlers separately, and a dev hot
// reload re-evaluates modules; either would otherwise start a second sync loop.
const slot = globalThis as typeof globalThis & { __levelboardFleet?: FleetRuntime };

export function fleetRuntime(): FleetRuntime {
  if (slot.__levelboardFleet) return slot.__levelboardFleet;
  const env = getEnv();
  const log = logger.child({ component: 'fleet' });
  const service = new FleetService({
    getClient: getLevelClient,
    intervalMs: env.SYNC_INTERVAL_SECONDS * 1000,
    slices: env.LEVEL_CONCURRENCY,
    requestCount: levelRequestCount,
    log,
    onSynced: (snapshot, _previous) => {
      const status = service.status();
      metrics().syncDuration.observe({ result: 'ok' }, (status.lastDurationMs ?? 0) / 1000);
      metrics().syncLevelRequests.inc(status.lastRequestCount ?? 0);
      recordFleetMetrics(snapshot);
    },
    onSyncFailed: (_error, durationMs) =>
      metrics().syncDuration.observe({ result: 'error' }, durationMs / 1000),
  });
  slot.__levelboardFleet = { service, details: new DeviceDetailCache(getLevelClient) };
  return slot.__levelboardFleet;
}

export const fleetService = () => fleetRuntime().service;
export const deviceDetails = () => fleetRuntime().details;
