import { alertProblemKey, offlineProblemKey } from '@/lib/domain/acknowledgement';
import { clientHealth } from '@/lib/domain/client-health';
import type { Device } from '@/lib/domain/device';
import type { EventKind, SignalDetail } from '@/lib/domain/notifications';
import type { Severity } from '@/lib/domain/severity';
import { findSitesDown, type SiteDownThreshold } from '@/lib/fleet/site-down';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import 'server-only';

// Signals: every condition worth a notification that is true right now, derived from Levelboard's
// own state. A signal's key names one occurrence (an offline device's key carries the time it went
// offline, like the wall's acknowledgement keys), so a problem that ends and comes back is new.
// The engine (lib/notify/engine.ts) turns signals into incidents per rule; this file only looks.

export interface Signal {
  key: string;
  /** When the condition began (epoch ms); null when only "now" is known (the engine keeps the first sighting). */
  since: number | null;
  /** Group ids from the client down to the signal's group: what a rule's client filter matches. */
  groupPath: readonly string[];
  /** Someone is on it (issue 16): not announced for the first time, never repeated. */
  acknowledged: boolean;
  /** Client health only: the band. */
  band?: 'amber' | 'red';
  detail: SignalDetail;
}

export interface SyncState {
  /** Whether a fleet snapshot exists at all (before the first sync, client signals are unknown, not absent). */
  lastErrorKind: string | null;
  lastError: string | null;
  syncedAtMs: number | null;
  intervalMs: number;
}

export interface SilentWall {
  id: string;
  name: string;
  lastSeenAt: number;
}

export interface SignalSources {
  snapshot: FleetSnapshot | null;
  isAcknowledged: (problemKey: string) => boolean;
  sync: SyncState;
  silentWalls: readonly SilentWall[];
  siteDown: SiteDownThreshold;
  /** "Open in Level" for a device, or null (demo mode). */
  levelUrlOf: (deviceId: string) => string | null;
  now: number;
}

const parseTime = (iso: string | null) => (iso ? Date.parse(iso) || null : null);

function groupPathOf(snapshot: FleetSnapshot, groupId: string | null): string[] {
  const path: string[] = [];
  for (let id = groupId; id;) {
    const node = snapshot.groupNodes.get(id);
    if (!node || path.includes(id)) break;
    path.unshift(id);
    id = node.parentId;
  }
  return path;
}

function place(snapshot: FleetSnapshot, groupId: string | null) {
  const node = groupId ? snapshot.groupNodes.get(groupId) : undefined;
  const client = node ? snapshot.groupNodes.get(node.clientId) : undefined;
  return {
    groupPath: groupPathOf(snapshot, groupId),
    clientId: client?.id ?? null,
    clientName: client?.name ?? null,
    groupId: node?.id ?? null,
    groupName: node?.name ?? null,
  };
}

const offlineTitle: Record<NonNullable<Device['role']> | 'none', string> = {
  domain_controller: 'Domain controller offline',
  server: 'Server offline',
  workstation: 'Workstation offline',
  none: 'Device offline',
};

function deviceSignals(sources: SignalSources, snapshot: FleetSnapshot): Signal[] {
  const signals: Signal[] = [];
  for (const device of snapshot.devices) {
    if (device.online || device.maintenanceMode) continue;
    const where = place(snapshot, device.groupId);
    const server = device.role === 'server' || device.role === 'domain_controller';
    const key = offlineProblemKey(device.id, device.lastSeenAt);
    signals.push({
      key,
      since: parseTime(device.lastSeenAt),
      groupPath: where.groupPath,
      acknowledged: sources.isAcknowledged(key),
      detail: {
        kind: 'device_offline',
        severity: server ? 'critical' : 'warning',
        title: offlineTitle[device.role ?? 'none'],
        ...deviceFields(sources, device),
        clientId: where.clientId,
        clientName: where.clientName,
        groupId: where.groupId,
        groupName: where.groupName,
      },
    });
  }
  return signals;
}

function deviceFields(sources: SignalSources, device: Device) {
  return {
    deviceId: device.id,
    deviceName: device.displayName,
    role: device.role,
    path: `/devices/${encodeURIComponent(device.id)}`,
    levelUrl: sources.levelUrlOf(device.id),
  };
}

function alertSignals(sources: SignalSources, snapshot: FleetSnapshot): Signal[] {
  return snapshot.activeAlerts
    .filter((alert) => !alert.resolved)
    .map((alert) => {
      const device = snapshot.deviceById.get(alert.deviceId);
      const where = place(snapshot, device?.groupId ?? null);
      const key = alertProblemKey(alert.id);
      return {
        key,
        since: parseTime(alert.startedAt),
        groupPath: where.groupPath,
        acknowledged: sources.isAcknowledged(key),
        detail: {
          kind: 'alert' as const,
          severity: alert.severity,
          title: alert.name,
          clientId: where.clientId,
          clientName: where.clientName,
          groupId: where.groupId,
          groupName: where.groupName,
          ...(device
            ? deviceFields(sources, device)
            : {
                deviceId: alert.deviceId,
                deviceName: alert.deviceHostname,
                role: null,
                path: '/alerts',
                levelUrl: null,
              }),
        },
      };
    });
}

function siteSignals(sources: SignalSources, snapshot: FleetSnapshot): Signal[] {
  return findSitesDown(snapshot.devices, sources.siteDown).map((site) => {
    const where = place(snapshot, site.groupId);
    const memberKeys = site.deviceIds.map((id) =>
      offlineProblemKey(id, snapshot.deviceById.get(id)?.lastSeenAt ?? null),
    );
    return {
      key: `site:${site.groupId}@${site.since}`,
      since: Date.parse(site.since),
      groupPath: where.groupPath,
      acknowledged: memberKeys.every((key) => sources.isAcknowledged(key)),
      detail: {
        kind: 'site_down' as const,
        severity: 'critical' as const,
        title: `Site down · ${site.deviceIds.length} of ${site.monitored} devices offline`,
        clientId: where.clientId,
        clientName: where.clientName,
        groupId: where.groupId,
        groupName: where.groupName,
        deviceId: null,
        deviceName: null,
        role: null,
        path: `/groups/${encodeURIComponent(site.groupId)}`,
        levelUrl: null,
        members: site.deviceIds,
      },
    };
  });
}

const HEALTH_WORDS: Record<string, string> = {
  emergency: 'emergency alerts',
  critical: 'critical alerts',
  offline_server: 'servers offline',
  low_online: 'many devices offline',
  warnings: 'many warnings',
};

function healthSignals(snapshot: FleetSnapshot): Signal[] {
  const signals: Signal[] = [];
  for (const clientId of snapshot.clientIds) {
    const node = snapshot.groupNodes.get(clientId);
    if (!node) continue;
    const health = clientHealth(node.subtree);
    if (health.band !== 'red' && health.band !== 'amber') continue;
    const reasons = health.reasons.map((reason) => HEALTH_WORDS[reason] ?? reason).join(', ');
    signals.push({
      key: `health:${clientId}`,
      since: null,
      groupPath: [clientId],
      acknowledged: false,
      band: health.band,
      detail: {
        kind: 'client_health',
        severity: health.band === 'red' ? 'critical' : 'warning',
        title: `Client health ${health.band}${reasons ? `: ${reasons}` : ''}`,
        clientId,
        clientName: node.name,
        groupId: clientId,
        groupName: node.name,
        deviceId: null,
        deviceName: null,
        role: null,
        path: `/groups/${encodeURIComponent(clientId)}`,
        levelUrl: null,
      },
    });
  }
  return signals;
}

function systemDetail(kind: EventKind, severity: Severity, title: string, path: string): SignalDetail {
  return {
    kind,
    severity,
    title,
    clientId: null,
    clientName: null,
    groupId: null,
    groupName: null,
    deviceId: null,
    deviceName: null,
    role: null,
    path,
    levelUrl: null,
  };
}

function systemSignals(sources: SignalSources): Signal[] {
  const { sync, now } = sources;
  const signals: Signal[] = [];
  if (sync.lastErrorKind !== null || sync.lastError !== null) {
    const rejected = sync.lastErrorKind === 'unauthorized';
    // Level's own error text stays out: it is shown in Settings, where only admins look.
    signals.push({
      key: rejected ? 'level:key_rejected' : 'level:unreachable',
      since: null,
      groupPath: [],
      acknowledged: false,
      detail: systemDetail(
        'level_unreachable',
        'critical',
        rejected ? 'Level rejected the API key' : 'Level is unreachable',
        '/settings',
      ),
    });
  } else if (sync.syncedAtMs !== null && now - sync.syncedAtMs > 2 * sync.intervalMs) {
    signals.push({
      key: 'sync:behind',
      since: sync.syncedAtMs + 2 * sync.intervalMs,
      groupPath: [],
      acknowledged: false,
      detail: systemDetail('sync_behind', 'warning', 'The sync from Level is falling behind', '/settings'),
    });
  }
  for (const wall of sources.silentWalls) {
    signals.push({
      key: `wall:${wall.id}@${wall.lastSeenAt}`,
      since: wall.lastSeenAt,
      groupPath: [],
      acknowledged: false,
      detail: systemDetail(
        'wall_silent',
        'warning',
        `Wall screen "${wall.name}" is silent`,
        '/settings#walls',
      ),
    });
  }
  return signals;
}

const detailJson = new WeakMap<Signal, string>();

/** A signal's detail as stored with its incident; computed once per signal. */
export function detailJsonOf(signal: Signal): string {
  let json = detailJson.get(signal);
  if (json === undefined) {
    json = JSON.stringify(signal.detail);
    detailJson.set(signal, json);
  }
  return json;
}

/**
 * The signals of the fleet itself (alerts, offline devices, sites down, client health): they
 * depend only on the snapshot and the acknowledgements, so the caller may keep them until either
 * changes.
 */
export function collectFleetSignals(
  sources: Omit<SignalSources, 'snapshot'> & { snapshot: FleetSnapshot },
): Signal[] {
  const { snapshot } = sources;
  return [
    ...alertSignals(sources, snapshot),
    ...deviceSignals(sources, snapshot),
    ...siteSignals(sources, snapshot),
    ...healthSignals(snapshot),
  ];
}

/** Levelboard's own signals (Level unreachable, sync behind, silent walls): they change with time. */
export { systemSignals };

/** Every signal that is true now. Without a snapshot only the system signals are known. */
export function collectSignals(sources: SignalSources): Signal[] {
  const { snapshot } = sources;
  const system = systemSignals(sources);
  return snapshot ? [...collectFleetSignals({ ...sources, snapshot }), ...system] : system;
}
