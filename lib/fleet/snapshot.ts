import type { GroupNode, GroupTotals } from '@/lib/domain/fleet';
import type { Alert, Device, Group, Tag } from '@/lib/domain/level';

/** What one successful sync fetched from Level. */
export interface FleetData {
  devices: Device[];
  groups: Group[];
  activeAlerts: Alert[];
  /** Alerts that resolved recently (newest first), kept across syncs by the fleet service. */
  recentResolvedAlerts: Alert[];
  tags: Tag[];
}

/**
 * An immutable view of the fleet with everything derived once per sync, so requests only read.
 * Swapped in atomically by the fleet service; never mutated after build.
 */
export interface FleetSnapshot extends FleetData {
  version: number;
  /** Admin changes patched into this copy on a follower replica (0 once synced or replicated). */
  localRevision: number;
  syncedAt: string;
  deviceById: ReadonlyMap<string, Device>;
  deviceIndex: ReadonlyMap<string, number>;
  groupNodes: ReadonlyMap<string, GroupNode>;
  /** Top-level groups, ordered by name. */
  clientIds: readonly string[];
  /** Device indexes (into `devices`) of each group's whole subtree. */
  subtreeDevices: ReadonlyMap<string, readonly number[]>;
  activeAlertsByDevice: ReadonlyMap<string, readonly Alert[]>;
  alertById: ReadonlyMap<string, Alert>;
  tagIdByName: ReadonlyMap<string, string>;
  tagNameById: ReadonlyMap<string, string>;
  totals: GroupTotals;
  ungrouped: GroupTotals;
  /** Lower-cased hostname, nickname, user and serial per device, for substring search. */
  searchText: readonly string[];
}

/** The fetched part of a snapshot, without what was derived from it. */
export function dataOf(snapshot: FleetSnapshot): FleetData {
  return {
    devices: snapshot.devices,
    groups: snapshot.groups,
    activeAlerts: snapshot.activeAlerts,
    recentResolvedAlerts: snapshot.recentResolvedAlerts,
    tags: snapshot.tags,
  };
}

/** What an ETag of snapshot-backed data must change with. */
export const snapshotTag = (snapshot: FleetSnapshot) => `${snapshot.version}.${snapshot.localRevision}`;
