import { deviceStatus, emptySeverityCounts, type DeviceRow, type SeverityCounts } from '@/lib/domain/fleet';
import type { Device } from '@/lib/domain/level';
import { severityRank, type Severity } from '@/lib/domain/severity';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';

export function worstSeverityOf(snapshot: FleetSnapshot, deviceId: string): Severity | null {
  let worst: Severity | null = null;
  for (const alert of snapshot.activeAlertsByDevice.get(deviceId) ?? []) {
    if (worst === null || severityRank(alert.severity) > severityRank(worst)) worst = alert.severity;
  }
  return worst;
}

function alertCountsOf(snapshot: FleetSnapshot, deviceId: string): SeverityCounts {
  const counts = emptySeverityCounts();
  for (const alert of snapshot.activeAlertsByDevice.get(deviceId) ?? []) counts[alert.severity] += 1;
  return counts;
}

export function toDeviceRow(snapshot: FleetSnapshot, device: Device): DeviceRow {
  const node = device.groupId ? snapshot.groupNodes.get(device.groupId) : undefined;
  const client = node ? snapshot.groupNodes.get(node.clientId) : undefined;
  return {
    id: device.id,
    hostname: device.hostname,
    nickname: device.nickname,
    displayName: device.displayName,
    status: deviceStatus(device),
    online: device.online,
    maintenanceMode: device.maintenanceMode,
    role: device.role,
    platform: device.platform,
    groupId: node ? device.groupId : null,
    groupPath: node?.path ?? [],
    clientId: client?.id ?? null,
    clientName: client?.name ?? null,
    tags: device.tags,
    flag: device.flag,
    lastLoggedInUser: device.lastLoggedInUser,
    serialNumber: device.serialNumber,
    lastSeenAt: device.lastSeenAt,
    securityScore: device.securityScore,
    activeAlerts: snapshot.activeAlertsByDevice.get(device.id)?.length ?? 0,
    worstSeverity: worstSeverityOf(snapshot, device.id),
    alertCounts: alertCountsOf(snapshot, device.id),
  };
}
