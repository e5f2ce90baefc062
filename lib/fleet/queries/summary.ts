import type { ClientSummary, FleetSummary, GroupNode, Rollup, SyncStatus } from '@/lib/domain/fleet';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import 'server-only';

export function clientSummaries(snapshot: FleetSnapshot): ClientSummary[] {
  return snapshot.clientIds
    .map((id) => snapshot.groupNodes.get(id))
    .filter((node): node is GroupNode => node !== undefined)
    .map((node) => ({ id: node.id, name: node.name, rollup: node.subtree }));
}

export function emptyRollup(): Rollup {
  return {
    devices: { total: 0, online: 0, offline: 0, maintenance: 0 },
    alerts: { information: 0, warning: 0, critical: 0, emergency: 0 },
    activeAlerts: 0,
    worstSeverity: null,
    offlineServers: 0,
    healthScore: null,
  };
}

/** The fleet summary; before the first sync it is all zeros with `syncedAt: null` and the progress. */
export function buildSummary(
  snapshot: FleetSnapshot | null,
  sync: SyncStatus,
  demo: boolean,
  view?: { totals: Rollup; clients: readonly unknown[] },
): FleetSummary {
  const totals = view?.totals ?? snapshot?.totals ?? emptyRollup();
  return {
    syncedAt: sync.syncedAt,
    stale: sync.stale,
    demo,
    devices: totals.devices,
    alerts: { active: totals.alerts, activeTotal: totals.activeAlerts },
    totals,
    clientCount: view ? view.clients.length : (snapshot?.clientIds.length ?? 0),
    sync,
  };
}
