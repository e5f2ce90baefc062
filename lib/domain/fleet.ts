import type { Acknowledgement } from '@/lib/domain/acknowledgement';
import type { DeviceRowPosture } from '@/lib/domain/posture';
// Secret-free shapes of Levelboard's own API, shared by route handlers and the browser.

import type { DeviceRole } from '@/lib/domain/device';
import type { Severity } from '@/lib/domain/severity';

export type SeverityCounts = Record<Severity, number>;

/** A device counts once: maintenance wins over online/offline, because it is deliberately quiet. */
export const DEVICE_STATUSES = ['online', 'offline', 'maintenance'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export interface DeviceCounts {
  total: number;
  online: number;
  offline: number;
  maintenance: number;
}

export interface Freshness {
  syncedAt: string | null;
  stale: boolean;
}

export interface FleetSummary extends Freshness {
  devices: DeviceCounts;
  alerts: { active: SeverityCounts; activeTotal: number };
  demo: boolean;
  totals: GroupTotals;
  /** Number of top-level groups (clients). */
  clientCount: number;
  sync: SyncStatus;
}

export interface ClientsResponse extends Freshness {
  /** Top-level groups by name, each with its whole subtree's totals. */
  clients: ClientSummary[];
  ungrouped: GroupTotals;
}

export function emptySeverityCounts(): SeverityCounts {
  return { information: 0, warning: 0, critical: 0, emergency: 0 };
}

export function deviceStatus(device: { online: boolean; maintenanceMode: boolean }): DeviceStatus {
  if (device.maintenanceMode) return 'maintenance';
  return device.online ? 'online' : 'offline';
}

/** "Offline servers" (docs/ARCHITECTURE.md): offline, not in maintenance, a server or a DC. */
export function isOfflineServer(device: {
  online: boolean;
  maintenanceMode: boolean;
  role: DeviceRole | null;
}): boolean {
  return (
    deviceStatus(device) === 'offline' && (device.role === 'server' || device.role === 'domain_controller')
  );
}

/**
 * Counts over a set of devices (a group, a subtree, a client, the fleet). "Rollup" means only the
 * history's time buckets (lib/history); the API's `rollup` field keeps its name.
 */
export interface GroupTotals {
  devices: DeviceCounts;
  alerts: SeverityCounts;
  /**
   * Active alerts on monitored devices only (maintenance excluded): the same facts as the wall's
   * problems list, so a client's health band and the hold never disagree.
   */
  monitoredAlerts: SeverityCounts;
  activeAlerts: number;
  worstSeverity: Severity | null;
  offlineServers: number;
  /**
   * 0–100: the share of monitored devices (maintenance excluded) that are online and carry no
   * critical or emergency alert. Null when nothing is monitored.
   */
  healthScore: number | null;
}

export interface GroupNode {
  id: string;
  name: string;
  parentId: string | null;
  childIds: string[];
  depth: number;
  /** Names from the top-level group (the client) down to this group. */
  path: string[];
  clientId: string;
  direct: GroupTotals;
  subtree: GroupTotals;
}

/**
 * A group as a picker or a breadcrumb needs it: no health numbers. Pages that only name groups
 * poll `/api/groups?view=names`, a third of the full tree's bytes.
 */
export type GroupName = Pick<
  GroupNode,
  'id' | 'name' | 'parentId' | 'childIds' | 'depth' | 'path' | 'clientId'
>;

export interface SyncStatus {
  syncedAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  lastErrorKind: string | null;
  stale: boolean;
  syncing: boolean;
  lastDurationMs: number | null;
  lastRequestCount: number | null;
  firstSync: { pagesFetched: number; devicesFetched: number } | null;
}

export interface ClientSummary {
  id: string;
  name: string;
  /** The client's whole subtree. */
  rollup: GroupTotals;
}

/** A device as listed by /api/devices: the Level device plus what Levelboard derives for it. */
export interface DeviceRow {
  id: string;
  hostname: string;
  nickname: string | null;
  displayName: string;
  status: DeviceStatus;
  online: boolean;
  maintenanceMode: boolean;
  role: string | null;
  platform: string | null;
  groupId: string | null;
  groupPath: string[];
  clientId: string | null;
  clientName: string | null;
  tags: string[];
  /** Level's flag on the device (free text set in Level), or null. */
  flag: string | null;
  lastLoggedInUser: string | null;
  serialNumber: string | null;
  lastSeenAt: string | null;
  securityScore: number | null;
  activeAlerts: number;
  worstSeverity: Severity | null;
  /** Active alerts per severity: what a badge shows ("1 emergency · 2 warnings"). */
  alertCounts: SeverityCounts;
  /** Patch and security posture (issue 20); set by /api/devices, absent elsewhere. */
  posture?: DeviceRowPosture;
}

export interface AlertRow {
  id: string;
  deviceId: string;
  deviceHostname: string | null;
  name: string;
  description: string | null;
  severity: Severity;
  resolved: boolean;
  startedAt: string | null;
  resolvedAt: string | null;
  groupId: string | null;
  clientName: string | null;
  /** Set while an admin has acknowledged this (active) alert; never on a resolved one. */
  acknowledged: Acknowledgement | null;
}

export interface Page<T> extends Freshness {
  data: T[];
  /** Matching items across all pages. */
  total: number;
  nextCursor: string | null;
}
