import type { Store } from '@/lib/db/open';
import type { DeviceClass } from '@/lib/domain/availability';
import { deviceClassOf } from '@/lib/domain/device-class';
import { NotFoundError } from '@/lib/domain/errors';
import { deviceStatus } from '@/lib/domain/fleet';
import type { Device } from '@/lib/domain/level';
import type { DevicePosture } from '@/lib/domain/posture';
import type { ReportPeriod } from '@/lib/domain/report';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { readClientPosture, readPostureTrend } from '@/lib/posture/report-source';
import { computeClientAvailability } from '@/lib/reports/availability';
import { readClientReportSettings } from '@/lib/reports/client-settings';
import {
  REPORT_MODEL_VERSION,
  type ClientReport,
  type PatchDevice,
  type RemovedDeviceRef,
  type ReportDeviceRef,
  type ReportIncident,
  type ReportPatches,
  type ReportSecurity,
} from '@/lib/reports/model';
import { periodKey, periodLabel } from '@/lib/reports/period';
import { readReportAlerts } from '@/lib/reports/report-alerts';
import {
  firstSightOfAny,
  readDepartures,
  readDeviceStates,
  readJoinedAt,
} from '@/lib/reports/report-devices';
import { executiveScore } from '@/lib/reports/score';
import { securityChecks, trendPoint } from '@/lib/reports/security-checks';
import 'server-only';

const DAY = 86_400_000;
const MAX_INCIDENTS = 50;
const MAX_CHANGES = 25;

/** A device in one of the report's lists, at a time (whole days to the reference time follow). */
type RefAt = (deviceId: string, name: string, deviceClass: DeviceClass, at: number) => ReportDeviceRef;

function clientDevices(snapshot: FleetSnapshot, clientId: string): Device[] {
  const node = snapshot.groupNodes.get(clientId);
  if (!node || node.parentId !== null) throw new NotFoundError('No such client');
  const indexes = snapshot.subtreeDevices.get(clientId) ?? [];
  return indexes.flatMap((index) => {
    const device = snapshot.devices[index];
    return device ? [device] : [];
  });
}

function patchesOf(
  devices: Array<{ deviceId: string; name: string; posture: DevicePosture }>,
): ReportPatches {
  let known = 0;
  let fullyPatched = 0;
  let pending = 0;
  let failed = 0;
  let securityPending = 0;
  let devicesWithFailed = 0;
  let oldestPendingAt: string | null = null;
  const worst: PatchDevice[] = [];
  for (const { deviceId, name, posture } of devices) {
    const p = posture.patches;
    if (!p) continue;
    known += 1;
    if (p.pending === 0) fullyPatched += 1;
    pending += p.pending;
    failed += p.failed;
    securityPending += p.securityPending;
    if (p.failed > 0) devicesWithFailed += 1;
    if (p.oldestPendingAt && (oldestPendingAt === null || p.oldestPendingAt < oldestPendingAt))
      oldestPendingAt = p.oldestPendingAt;
    if (p.pending > 0)
      worst.push({
        deviceId,
        name,
        pending: p.pending,
        failed: p.failed,
        oldestPendingAt: p.oldestPendingAt,
      });
  }
  worst.sort((a, b) => b.failed - a.failed || b.pending - a.pending || a.name.localeCompare(b.name));
  return {
    devices: devices.length,
    known,
    fullyPatched,
    compliancePct: known > 0 ? (fullyPatched / known) * 100 : null,
    pending,
    failed,
    securityPending,
    devicesWithFailed,
    oldestPendingAt,
    worstDevices: worst.slice(0, 10),
  };
}

/** Builds a client's report for a period; throws NotFoundError for an unknown client. */
export async function buildClientReport(
  store: Store,
  snapshot: FleetSnapshot,
  clientId: string,
  period: ReportPeriod,
  now: number,
): Promise<ClientReport> {
  const devices = clientDevices(snapshot, clientId);
  const clientName = snapshot.groupNodes.get(clientId)?.name ?? clientId;
  const settings = await readClientReportSettings(store, clientId);
  const classOf = new Map(devices.map((d) => [d.id, deviceClassOf(d.role)]));
  const nameOf = new Map(devices.map((d) => [d.id, d.displayName]));

  const availability = await computeClientAvailability(store, {
    clientId,
    devices: devices.map((d) => ({ id: d.id, name: d.displayName, deviceClass: deviceClassOf(d.role) })),
    period,
    hours: settings.slaHours,
    settings,
    now,
  });
  const allIncidents: ReportIncident[] = availability.devices.flatMap((d) =>
    d.incidents.map((incident) => ({
      deviceId: d.deviceId,
      deviceName: d.name,
      deviceClass: d.deviceClass,
      start: incident.start,
      end: incident.end,
      durationMs: incident.durationMs,
      ongoing: incident.ongoing,
    })),
  );
  // Servers' incidents first (what an SLA is about), then the longest: a client's workstations
  // going off every night would otherwise fill the table.
  allIncidents.sort(
    (a, b) =>
      (a.deviceClass === 'server' ? 0 : 1) - (b.deviceClass === 'server' ? 0 : 1) ||
      b.durationMs - a.durationMs ||
      a.start - b.start,
  );

  const alerts = await readReportAlerts(store, new Set(classOf.keys()), nameOf, period);

  const posture = await readClientPosture(store, snapshot, clientId);
  const patches = patchesOf(posture.devices);
  const checks = securityChecks(posture.devices.map((d) => d.posture));
  const figures = posture.figures;
  const security: ReportSecurity = {
    figures,
    averageScore:
      figures.securityScoreCount > 0 ? figures.securityScoreSum / figures.securityScoreCount : null,
    checksPassedPct: checks.total > 0 ? (checks.passed / checks.total) * 100 : null,
    trend: (await readPostureTrend(store, clientId, period)).map(trendPoint),
  };

  // The "longer than N days" lists are measured at the period's end (or now, for the current one).
  const referenceTime = Math.min(now, period.end);
  const states = await readDeviceStates(store, [...classOf.keys()]);
  const refAt: RefAt = (deviceId, name, deviceClass, at) => ({
    deviceId,
    name,
    deviceClass,
    at,
    days: Math.floor((referenceTime - at) / DAY),
  });
  const ref = (device: Device, at: number) =>
    refAt(device.id, device.displayName, classOf.get(device.id) ?? 'workstation', at);
  const longMaintenance: ReportDeviceRef[] = [];
  const longOffline: ReportDeviceRef[] = [];
  for (const device of devices) {
    const state = states.get(device.id);
    const status = deviceStatus(device);
    // The recorded state says since when; a device Levelboard has not recorded yet falls back to
    // Level's last-seen time for offline ones and is left out of the maintenance list.
    if (status === 'maintenance' && state?.status === 'maintenance') {
      if (referenceTime - state.since > settings.maintenanceLongerThanDays * DAY)
        longMaintenance.push(ref(device, state.since));
    } else if (status === 'offline' && classOf.get(device.id) === 'workstation') {
      const lastSeen = device.lastSeenAt ? Date.parse(device.lastSeenAt) : NaN;
      const since = state?.status === 'offline' ? state.since : Number.isFinite(lastSeen) ? lastSeen : null;
      if (since !== null && referenceTime - since > settings.offlineLongerThanDays * DAY)
        longOffline.push(ref(device, since));
    }
  }
  const { added, removed } = await membershipChanges(store, clientId, devices, states, period, refAt);
  const byAt = (a: ReportDeviceRef, b: ReportDeviceRef) => a.at - b.at || a.name.localeCompare(b.name);

  const score = executiveScore({
    availabilityPct: availability.classes.server.availabilityPct,
    patches: { fullyPatched: patches.fullyPatched, known: patches.known },
    securityChecks: checks,
    alerts: { bySeverity: alerts.bySeverity, devices: devices.length },
  });

  const inventory = {
    devices: devices.length,
    servers: 0,
    workstations: 0,
    online: 0,
    offline: 0,
    maintenance: 0,
  };
  for (const device of devices) {
    inventory[classOf.get(device.id) === 'server' ? 'servers' : 'workstations'] += 1;
    inventory[deviceStatus(device)] += 1;
  }

  return {
    version: REPORT_MODEL_VERSION,
    clientId,
    clientName,
    period: { start: period.start, end: period.end },
    periodKey: periodKey(period, settings.timeZone),
    periodLabel: periodLabel(period, settings.timeZone),
    timeZone: settings.timeZone,
    generatedAt: now,
    settings,
    inventory,
    score,
    availability,
    incidents: allIncidents.slice(0, MAX_INCIDENTS),
    incidentCount: allIncidents.length,
    alerts,
    patches,
    security,
    added: added.sort(byAt).slice(0, MAX_CHANGES),
    addedCount: added.length,
    removed: removed.sort(byAt).slice(0, MAX_CHANGES),
    removedCount: removed.length,
    longMaintenance: longMaintenance.sort(byAt),
    longOfflineWorkstations: longOffline.sort(byAt),
    referenceTime,
  };
}

/**
 * The devices that joined the client in the period (new to Levelboard or moved in; still there or
 * since gone) and those that left it (removed from Level or moved out). Levelboard's first sync is
 * its starting inventory, not devices added.
 */
async function membershipChanges(
  store: Store,
  clientId: string,
  devices: readonly Device[],
  states: ReadonlyMap<string, { seenAt: number }>,
  period: ReportPeriod,
  refAt: RefAt,
): Promise<{ added: ReportDeviceRef[]; removed: RemovedDeviceRef[] }> {
  const firstSight = await firstSightOfAny(store);
  const joined = await readJoinedAt(
    store,
    devices.map((d) => d.id),
  );
  const departures = await readDepartures(store, clientId, period.start, period.end);
  const inPeriod = (t: number) => t >= period.start && t < period.end;
  const isAddition = (t: number) => inPeriod(t) && firstSight !== null && t > firstSight;
  const added: ReportDeviceRef[] = [];
  for (const device of devices) {
    // Recorded before memberships existed (or not yet recorded): its first sighting is its joining.
    const joinedAt = joined.get(device.id) ?? states.get(device.id)?.seenAt;
    if (joinedAt !== undefined && isAddition(joinedAt))
      added.push(refAt(device.id, device.displayName, deviceClassOf(device.role), joinedAt));
  }
  const removed: RemovedDeviceRef[] = [];
  // A departed device is named as it was when it left.
  for (const gone of departures) {
    if (isAddition(gone.joinedAt))
      added.push(refAt(gone.deviceId, gone.name, gone.deviceClass, gone.joinedAt));
    if (inPeriod(gone.leftAt))
      removed.push({
        ...refAt(gone.deviceId, gone.name, gone.deviceClass, gone.leftAt),
        reason: gone.reason,
      });
  }
  return { added, removed };
}
