import type { Alert, Device, Group } from '@/lib/domain/level';
import { buildSnapshot } from '@/lib/fleet/build-snapshot';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';

// Hand-made fleets for history tests that need exact figures at exact times (the simulator is
// used where a real sync matters).

export interface DeviceSpec {
  id: string;
  groupId?: string | null;
  online?: boolean;
  maintenance?: boolean;
  securityScore?: number | null;
  lastSeenAt?: number | null;
}

export function makeDevice(spec: DeviceSpec): Device {
  return {
    id: spec.id,
    hostname: `host-${spec.id}`,
    nickname: null,
    displayName: `host-${spec.id}`,
    role: 'workstation',
    groupId: spec.groupId ?? null,
    groupName: null,
    tags: [],
    flag: null,
    maintenanceMode: spec.maintenance ?? false,
    online: spec.online ?? true,
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
    lastSeenAt:
      spec.lastSeenAt === undefined || spec.lastSeenAt === null
        ? null
        : new Date(spec.lastSeenAt).toISOString(),
    city: null,
    country: null,
    securityScore: spec.securityScore ?? null,
    platform: 'windows',
    publicIpAddress: null,
    privateIpAddresses: [],
  };
}

export function makeGroup(id: string, parentId: string | null = null, childIds: string[] = []): Group {
  return { id, parentId, childIds, name: `group ${id}`, deviceCount: null, descendentDeviceCount: null };
}

export function makeAlert(
  id: string,
  deviceId: string,
  startedAt: number,
  severity: Alert['severity'] = 'warning',
): Alert {
  return {
    id,
    deviceId,
    deviceHostname: `host-${deviceId}`,
    name: `alert ${id}`,
    description: null,
    payload: null,
    severity,
    resolved: false,
    startedAt: new Date(startedAt).toISOString(),
    resolvedAt: null,
  };
}

let version = 0;

export function makeSnapshot(
  devices: DeviceSpec[],
  options: { groups?: Group[]; alerts?: Alert[]; resolved?: Alert[]; at?: number } = {},
): FleetSnapshot {
  version += 1;
  return buildSnapshot(
    {
      devices: devices.map(makeDevice),
      groups: options.groups ?? [],
      activeAlerts: options.alerts ?? [],
      recentResolvedAlerts: options.resolved ?? [],
      tags: [],
    },
    version,
    new Date(options.at ?? Date.now()).toISOString(),
  );
}
