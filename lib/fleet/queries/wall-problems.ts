import {
  acknowledgedTogether,
  alertProblemKey,
  noAcknowledgements,
  offlineProblemKey,
  type AcknowledgementOf,
} from '@/lib/domain/acknowledgement';
import { isOfflineServer } from '@/lib/domain/fleet';
import type { Device } from '@/lib/domain/level';
import { alertOrderFacts, compareSeverityFirst } from '@/lib/domain/problem-order';
import type { WallProblem, WallSeverity } from '@/lib/domain/wall';
import { sortWallProblems, wallProblemFacts } from '@/lib/domain/wall-problem-order';
import { toAlertRow } from '@/lib/fleet/queries/alert-list';
import { withSitesDown } from '@/lib/fleet/site-down';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { hiddenNamesOf, pseudonym, redactAcknowledgement, redactAlertRow } from '@/lib/redaction/redact';
import 'server-only';

// The wall's problems list, from the snapshot: offline servers and domain controllers, and
// devices with critical or emergency alerts, in the severity-first order
// (lib/domain/problem-order.ts). Maintenance devices are left out (the definition of maintenance
// is "deliberately quiet"). Past the limit the list keeps the worst, never the newest, and says
// how many there are in all.

export const WALL_PROBLEM_LIMIT = 200;

const time = (iso: string | null) => (iso ? Date.parse(iso) || 0 : 0);

function problemOf(
  snapshot: FleetSnapshot,
  device: Device,
  redact: boolean,
  acknowledgementOf: AcknowledgementOf,
): WallProblem | null {
  if (device.maintenanceMode) return null;
  const ack = (key: string) => {
    const found = acknowledgementOf(key);
    return redact ? redactAcknowledgement(found) : found;
  };
  const offline = isOfflineServer(device)
    ? { since: device.lastSeenAt, acknowledged: ack(offlineProblemKey(device.id, device.lastSeenAt)) }
    : null;
  const alerts = (snapshot.activeAlertsByDevice.get(device.id) ?? [])
    .filter((alert) => alert.severity === 'critical' || alert.severity === 'emergency')
    .map((alert) => {
      const row = toAlertRow(snapshot, alert);
      return {
        id: alert.id,
        name: (redact ? redactAlertRow(row, hiddenNamesOf(device)) : row).name,
        severity: alert.severity as WallSeverity,
        startedAt: alert.startedAt,
        acknowledged: ack(alertProblemKey(alert.id)),
      };
    })
    // The worst alert first (its name is the row's title), by the same rule as the list.
    .sort((a, b) => compareSeverityFirst(alertOrderFacts(a), alertOrderFacts(b)));
  if (!offline && alerts.length === 0) return null;
  const node = device.groupId ? snapshot.groupNodes.get(device.groupId) : undefined;
  const client = node ? snapshot.groupNodes.get(node.clientId) : undefined;
  const latest = Math.max(time(offline?.since ?? null), ...alerts.map((alert) => time(alert.startedAt)));
  const problem: WallProblem = {
    deviceId: device.id,
    deviceName: redact ? pseudonym(device.id) : device.displayName,
    role: device.role,
    clientId: client?.id ?? null,
    clientName: client?.name ?? null,
    groupPath: node?.path ?? [],
    offline,
    alerts,
    acknowledged: acknowledgedTogether([
      ...(offline ? [offline.acknowledged] : []),
      ...alerts.map((alert) => alert.acknowledged),
    ]),
    latestAt: latest > 0 ? new Date(latest).toISOString() : null,
    since: null,
  };
  const since = wallProblemFacts(problem).since;
  problem.since = since === null ? null : new Date(since).toISOString();
  return problem;
}

export function listWallProblems(
  snapshot: FleetSnapshot,
  allowed: (device: Device, index: number) => boolean,
  redact: boolean,
  limit = WALL_PROBLEM_LIMIT,
  acknowledgementOf: AcknowledgementOf = noAcknowledgements,
): { problems: WallProblem[]; total: number } {
  const problems: WallProblem[] = [];
  snapshot.devices.forEach((device, index) => {
    if (!allowed(device, index)) return;
    const problem = problemOf(snapshot, device, redact, acknowledgementOf);
    if (problem) problems.push(problem);
  });
  const listed = withSitesDown(snapshot, allowed, problems);
  return { problems: sortWallProblems(listed).slice(0, limit), total: listed.length };
}
