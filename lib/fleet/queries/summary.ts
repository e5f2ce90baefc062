import type { ClientSummary, FleetSummary, GroupNode, GroupTotals, SyncStatus } from '@/lib/domain/fleet';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import 'server-only';

export function clientSummaries(snapshot: FleetSnapshot): ClientSummary[] {
  return snapshot.clientIds
    .map((id) => snapshot.groupNodes.get(id))
    .filter((node): node is GroupNode => node !== undefined)
    .map((node) => ({ id: node.id, name: node.name, rollup: node.subtree }));
}

export function emptyGroupTotals(): GroupTotals {
  return {
    devices: { total: 0, online: 0, offline: 0, maintenance: 0 },
    alerts: { information: 0, warning: 0, critical: 0, emergency: 0 },
    monitoredAlerts: { information: 0, warning: 0, critical: 0, emergency: 0 },
    activeAlerts: 0,
    worstSeverity: null,
    offlineServers: 0,
    healthScore: null,
  };
}

/**
 * The sync status as one caller may see it. The admin gets every figure; a scoped link only
 * whether Level answers: request counts, durations and device totals describe the whole fleet,
 * and upstream error text may name hosts or accounts.
 */
export function syncStatusFor(sync: SyncStatus, admin: boolean): SyncStatus {
  return {
    syncedAt: sync.syncedAt,
    lastAttemptAt: sync.lastAttemptAt,
    lastError: admin || sync.lastError === null ? sync.lastError : 'Level unreachable',
    lastErrorKind: sync.lastErrorKind,
    stale: sync.stale,
    syncing: sync.syncing,
    lastDurationMs: admin ? sync.lastDurationMs : null,
    lastRequestCount: admin ? sync.lastRequestCount : null,
    firstSync:
      admin && sync.firstSync
        ? { pagesFetched: sync.firstSync.pagesFetched, devicesFetched: sync.firstSync.devicesFetched }
        : null,
  };
}

/**
 * The fleet summary; before the first sync it is all zeros with `syncedAt: null` and the progress.
 * `admin: false` (any share link) withholds the fleet-wide sync figures.
 */
export function buildSummary(
  snapshot: FleetSnapshot | null,
  sync: SyncStatus,
  demo: boolean,
  view?: { totals: GroupTotals; clients: readonly unknown[] },
  admin = true,
): FleetSummary {
  const totals = view?.totals ?? snapshot?.totals ?? emptyGroupTotals();
  return {
    syncedAt: sync.syncedAt,
    stale: sync.stale,
    demo,
    devices: totals.devices,
    alerts: { active: totals.alerts, activeTotal: totals.activeAlerts },
    totals,
    clientCount: view ? view.clients.length : (snapshot?.clientIds.length ?? 0),
    sync: syncStatusFor(sync, admin),
  };
}
