import type { Alert } from '@/lib/domain/alert';
import type { Device, DeviceRole } from '@/lib/domain/device';
import type { Group } from '@/lib/domain/group';
import { buildSnapshot } from '@/lib/fleet/build-snapshot';
import { SITE_DOWN_DEFAULTS } from '@/lib/fleet/site-down';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { collectSignals, type SignalSources } from '@/lib/notify/signals';

// A small, hand-made fleet for the notification tests: two clients (Contoso with a Berlin site of
// 40 servers and an office; Fabrikam), and helpers to take devices offline and raise alerts.

export const GROUPS: Group[] = [
  {
    id: 'contoso',
    parentId: null,
    childIds: ['berlin', 'office'],
    name: 'Contoso',
    deviceCount: 0,
    descendentDeviceCount: 45,
  },
  {
    id: 'berlin',
    parentId: 'contoso',
    childIds: [],
    name: 'Berlin DC',
    deviceCount: 40,
    descendentDeviceCount: 40,
  },
  {
    id: 'office',
    parentId: 'contoso',
    childIds: [],
    name: 'Office',
    deviceCount: 5,
    descendentDeviceCount: 5,
  },
  {
    id: 'fabrikam',
    parentId: null,
    childIds: [],
    name: 'Fabrikam',
    deviceCount: 10,
    descendentDeviceCount: 10,
  },
];

export function device(id: string, groupId: string, role: DeviceRole, extra: Partial<Device> = {}): Device {
  return {
    id,
    hostname: id.toUpperCase(),
    nickname: null,
    displayName: id.toUpperCase(),
    role,
    groupId,
    groupName: GROUPS.find((group) => group.id === groupId)?.name ?? null,
    tags: [],
    flag: null,
    maintenanceMode: false,
    online: true,
    notes: null,
    manufacturer: null,
    model: null,
    architecture: null,
    serialNumber: null,
    totalMemoryBytes: null,
    memorySlots: null,
    cpuCores: null,
    lastLoggedInUser: null,
    lastRebootAt: null,
    lastSeenAt: new Date(0).toISOString(),
    city: null,
    country: null,
    securityScore: null,
    platform: 'windows',
    publicIpAddress: null,
    privateIpAddresses: [],
    ...extra,
  };
}

export function baseDevices(): Device[] {
  return [
    ...Array.from({ length: 40 }, (_, n) => device(`berlin-${n}`, 'berlin', 'server')),
    ...Array.from({ length: 5 }, (_, n) =>
      device(`office-${n}`, 'office', n === 0 ? 'domain_controller' : 'workstation'),
    ),
    ...Array.from({ length: 10 }, (_, n) => device(`fab-${n}`, 'fabrikam', n < 2 ? 'server' : 'workstation')),
  ];
}

export const offline = (devices: Device[], ids: readonly string[], at: number): Device[] =>
  devices.map((d) =>
    ids.includes(d.id) ? { ...d, online: false, lastSeenAt: new Date(at).toISOString() } : d,
  );

export function alert(id: string, deviceId: string, severity: Alert['severity'], startedAt: number): Alert {
  return {
    id,
    deviceId,
    deviceHostname: deviceId.toUpperCase(),
    name: `Disk almost full (${id})`,
    description: null,
    payload: null,
    severity,
    resolved: false,
    startedAt: new Date(startedAt).toISOString(),
    resolvedAt: null,
  };
}

export function snapshotOf(devices: Device[], alerts: Alert[] = [], at = Date.now()): FleetSnapshot {
  return buildSnapshot(
    { devices, groups: GROUPS, activeAlerts: alerts, recentResolvedAlerts: [], tags: [] },
    1,
    new Date(at).toISOString(),
  );
}

export function signalsOf(
  snapshot: FleetSnapshot | null,
  now: number,
  extra: Partial<SignalSources> = {},
): ReturnType<typeof collectSignals> {
  return collectSignals({
    snapshot,
    isAcknowledged: () => false,
    sync: { lastErrorKind: null, lastError: null, syncedAtMs: now, intervalMs: 30_000 },
    silentWalls: [],
    siteDown: SITE_DOWN_DEFAULTS,
    levelUrlOf: (id) => `https://app.level.io/devices/${id}`,
    now,
    ...extra,
  });
}
