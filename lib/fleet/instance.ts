import type { Store } from '@/lib/db/open';
import { getEnv } from '@/lib/env';
import { DeviceDetailCache } from '@/lib/fleet/device-detail';
import { recordFleetMetrics } from '@/lib/fleet/fleet-metrics';
import { FleetService } from '@/lib/fleet/fleet-service';
import { AdvisoryLockLeadership, soleLeadership } from '@/lib/fleet/leadership';
import { ReplicaCoordinator } from '@/lib/fleet/replica-coordinator';
import { SnapshotReplication } from '@/lib/fleet/replication';
import type { FleetData, FleetSnapshot } from '@/lib/fleet/snapshot';
import { syncPace, webhooksHealthy, type SyncPace } from '@/lib/fleet/sync-pace';
import type { LevelClient } from '@/lib/level';
import { logger } from '@/lib/logger';
import { metrics } from '@/lib/metrics';
import { processWide } from '@/lib/process-wide';
import 'server-only';

interface FleetRuntime {
  /** The process's one Level client, for the connection in use (admin actions use it too). */
  getClient: () => LevelClient;
  service: FleetService;
  details: DeviceDetailCache;
  coordinator: ReplicaCoordinator;
  patch: (mutate: (data: FleetData) => FleetData) => Promise<void>;
}

export type SyncedHook = (
  snapshot: FleetSnapshot,
  sync: { durationMs: number; levelRequests: number },
) => Promise<void>;

/** What the composition root (lib/runtime) hands over: the fleet does not build its Level client. */
export interface FleetWiring {
  /** The client for the connection in use; a new one after the key changes. */
  getClient: () => LevelClient;
  /** Requests this process has sent to Level so far, to count those of each sync. */
  requestCount: () => number;
  /** Run after each sync is saved (history). */
  afterSync?: SyncedHook[];
}

// Process-wide: a second copy (another bundle, a dev hot reload) would start a second sync loop.
declare module '@/lib/process-wide' {
  interface ProcessWide {
    fleet: { runtime?: FleetRuntime };
  }
}

const shared = processWide('fleet', () => ({}));

/** Builds the fleet runtime once per process (called at start-up, after the database is ready). */
export function initFleetRuntime(
  store: Store,
  { getClient, requestCount, afterSync = [] }: FleetWiring,
): FleetRuntime {
  if (shared.runtime) return shared.runtime;
  const env = getEnv();
  const log = logger.child({ component: 'fleet' });
  const replication = new SnapshotReplication(store);
  const service: FleetService = new FleetService({
    getClient,
    intervalMs: () => currentSyncPace().effectiveSeconds * 1000,
    slices: env.LEVEL_CONCURRENCY,
    fullWalkEvery: env.SYNC_FULL_WALK_EVERY,
    requestCount,
    log,
    onSynced: async (snapshot) => {
      const status = service.replicatedStatus();
      const sync = { durationMs: status.lastDurationMs ?? 0, levelRequests: status.lastRequestCount ?? 0 };
      metrics().syncDuration.observe({ result: 'ok' }, sync.durationMs / 1000);
      metrics().syncLevelRequests.inc(sync.levelRequests);
      const check = service.walkCheck();
      if (check) metrics().syncDeviceWalks.inc({ kept: check.keptMode, agreed: String(check.agreed) });
      recordFleetMetrics(snapshot);
      try {
        await replication.save(snapshot, status);
        for (const hook of afterSync) await hook(snapshot, sync);
      } catch (error) {
        log.error({ error: String(error) }, 'Could not record the sync in the database');
      }
    },
    onSyncFailed: (_error, durationMs) => {
      metrics().syncDuration.observe({ result: 'error' }, durationMs / 1000);
      replication.saveStatus(service.replicatedStatus()).catch(() => {});
    },
  });
  const leadership =
    store.engine === 'postgres' && env.DATABASE_URL
      ? new AdvisoryLockLeadership(env.DATABASE_URL)
      : soleLeadership;
  const coordinator = new ReplicaCoordinator({
    service,
    replication,
    leadership,
    pollMs: Math.min(2_000, (env.SYNC_INTERVAL_SECONDS * 1000) / 2),
    log,
  });
  const patch = async (mutate: (data: FleetData) => FleetData): Promise<void> => {
    const publish = coordinator.isLeader();
    const snapshot = service.patch(mutate, { publish });
    if (!snapshot || !publish) return;
    recordFleetMetrics(snapshot);
    try {
      await replication.save(snapshot, service.replicatedStatus());
    } catch (error) {
      log.warn({ error: String(error) }, 'Could not replicate an admin change; the next sync will');
    }
  };
  shared.runtime = {
    getClient,
    service,
    details: new DeviceDetailCache(getClient),
    coordinator,
    patch,
  };
  return shared.runtime;
}

/** The sync's interval now: the configured one, stretched by the request budget or by webhooks. */
export function currentSyncPace(): SyncPace {
  const env = getEnv();
  const snapshot = shared.runtime?.service.current() ?? null;
  return syncPace({
    configuredSeconds: env.SYNC_INTERVAL_SECONDS,
    budgetPerMinute: env.LEVEL_REQUESTS_PER_MINUTE,
    size: snapshot && {
      devices: snapshot.devices.length,
      groups: snapshot.groups.length,
      ungrouped: snapshot.ungrouped.devices.total,
      activeAlerts: snapshot.activeAlerts.length,
      tags: snapshot.tags.length,
    },
    webhooksHealthy: webhooksHealthy(),
    withWebhooksSeconds: env.SYNC_WITH_WEBHOOKS_SECONDS,
    measuredRequestsPerSync: shared.runtime?.service.replicatedStatus().lastRequestCount,
  });
}

function fleetRuntime(): FleetRuntime {
  if (!shared.runtime) throw new Error('The fleet runtime has not been started (startRuntime)');
  return shared.runtime;
}

export const levelClient = () => fleetRuntime().getClient();
export const fleetService = () => fleetRuntime().service;
export const deviceDetails = () => fleetRuntime().details;
export const isSyncLeader = () => fleetRuntime().coordinator.isLeader();
/** Shows an admin change made in Level at once (and on other replicas when this one leads). */
export const patchFleet = (mutate: (data: FleetData) => FleetData) => fleetRuntime().patch(mutate);
