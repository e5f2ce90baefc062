import { isOfflineServer } from '@/lib/domain/fleet';
import type { Device } from '@/lib/domain/level';
import type { WallProblem, WallSeverity } from '@/lib/domain/wall';
import { toAlertRow } from '@/lib/fleet/queries/alert-list';
import { withSitesDown } from '@/lib/fleet/site-down';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { hiddenNamesOf, pseudonym, redactAlertRow } from '@/lib/redaction/redact';
import 'server-only';

// The wall's problems list, from the snapshot: offline servers and domain controllers, and
// devices with critical or emergency alerts, newest first. Maintenance devices are left out (the
// definition of maintenance is "deliberately quiet").

export const WALL_PROBLEM_LIMIT = 200;

const time = (iso: string | null) => (iso ? Date.parse(iso) || 0 : 0);

function problemOf(snapshot: FleetSnapshot, device: Device, redact: boolean): WallProblem | null {
  if (device.maintenanceMode) return null;
  const offline = isOfflineServer(device) ? { since: device.lastSeenAt } : null;
  const alerts = (snapshot.activeAlertsByDevice.get(device.id) ?? [])
    .filter((alert) => alert.severity === 'critical' || alert.severity === 'emergency')
    .map((alert) => {
      const row = toAlertRow(snapshot, alert);
      return {
        id: alert.id,
        name: (redact ? redactAlertRow(row, hiddenNamesOf(device)) : row).name,
        severity: alert.severity as WallSeverity,
        startedAt: alert.startedAt,
      };
    })
    .sort((a, b) => time(b.startedAt) - time(a.startedAt) || (a.id < b.id ? -1 : 1));
  if (!offline && alerts.length === 0) return null;
  const node = device.groupId ? snapshot.groupNodes.get(device.groupId) : undefined;
  const client = node ? snapshot.groupNodes.get(node.clientId) : undefined;
  const latest = Math.max(time(offline?.since ?? null), ...alerts.map((alert) => time(alert.startedAt)));
  return {
    deviceId: device.id,
    deviceName: redact ? pseudonym(device.id) : device.displayName,
    role: device.role,
    clientId: client?.id ?? null,
    clientName: client?.name ?? null,
    groupPath: node?.path ?? [],
    offline,
    alerts,
    latestAt: latest > 0 ? new Date(latest).toISOString() : null,
  };
}

export function listWallProblems(
  snapshot: FleetSnapshot,
  allowed: (device: Device, index: number) => boolean,
  redact: boolean,
  limit = WALL_PROBLEM_LIMIT,
): { problems: WallProblem[]; total: number } {
  const problems: WallProblem[] = [];
  snapshot.devices.forEach((device, index) => {
    if (!allowed(device, index)) return;
    const problem = problemOf(snapshot, device, redact);
    if (problem) problems.push(problem);
  });
  problems.splice(0, problems.length, ...withSitesDown(snapshot, allowed, problems));
  problems.sort(
    (a, b) =>
      time(b.latestAt) - time(a.latestAt) ||
      a.deviceName.localeCompare(b.deviceName) ||
      (a.deviceId < b.deviceId ? -1 : 1),
  );
  return { problems: problems.slice(0, limit), total: problems.length };
}
