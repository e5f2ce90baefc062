import { offlineAlert, randomAlert, toAlertRecord, type AlertDraft } from '@/simulator/alert-factory';
import { OFFLINE_ALERT } from '@/simulator/catalog-alerts';
import { CHURN, perStep } from '@/simulator/churn';
import type { Rng } from '@/simulator/random';
import { advanceRuns } from '@/simulator/runs';
import type { FleetStore } from '@/simulator/store';
import type { AlertRecord, AlertSeverity, DeviceRecord } from '@/simulator/types';

const MINUTE = 60_000;
const P_OFF_WORKSTATION = perStep(CHURN.workstationOnlineMs);
const P_OFF_SERVER = perStep(CHURN.serverOnlineMs);
const P_ON = perStep(CHURN.offlineMs);
const P_ON_LONG_GONE = perStep(CHURN.longGoneOfflineMs);
const P_MAINTENANCE_ENTER = perStep(CHURN.maintenanceEveryMs);
const P_MAINTENANCE_EXIT = perStep(CHURN.maintenanceMs);
const P_ALERT = perStep(CHURN.alertEveryMs);
const P_ALERT_RESOLVE = perStep(CHURN.alertOpenMs);
const NEW_SEVERITY: readonly (readonly [AlertSeverity, number])[] = [
  ['information', 40],
  ['warning', 42],
  ['critical', 13],
  ['emergency', 5],
];

/**
 * Visits `share` of the devices (at least one), picked at random, so that a step stays cheap on
 * 50,000 devices. `scale` turns a device's chance per step into its chance per visit.
 */
function visit(
  rng: Rng,
  devices: readonly DeviceRecord[],
  share: number,
  each: (device: DeviceRecord, scale: number) => void,
) {
  const count = Math.max(1, Math.ceil(devices.length * share));
  const scale = devices.length / count;
  for (let i = 0; i < count; i++) each(rng.pick(devices), scale);
}

/** One step of simulated time (STEP_MS): availability, maintenance, alerts firing/resolving, runs. */
export function evolve(store: FleetStore, rng: Rng, nowMs: number): void {
  const now = Math.floor(nowMs / 1000) * 1000;
  const devices = store.devices;
  for (const device of devices) if (device.online) device.lastSeenMs = now;
  if (devices.length > 0) {
    visit(rng, devices, 0.01, (device, scale) => flipAvailability(store, rng, device, now, scale));
    visit(rng, devices, 0.002, (device, scale) => {
      if (rng.chance(scale * (device.maintenance ? P_MAINTENANCE_EXIT : P_MAINTENANCE_ENTER))) {
        device.maintenance = !device.maintenance;
        store.deviceUpdated(device);
      }
    });
    visit(rng, devices, 0.002, (device, scale) => {
      if (device.online && rng.chance(scale * P_ALERT))
        recordAlert(store, randomAlert(rng, device, now, rng.weighted(NEW_SEVERITY)));
    });
  }
  for (const alert of store.activeAlerts) {
    // An offline alert ends when its device comes back (flipAvailability), not at random.
    const stillOffline = alert.name === OFFLINE_ALERT && !store.device(alert.deviceN)?.online;
    if (!stillOffline && rng.chance(P_ALERT_RESOLVE)) store.resolveAlert(alert, now);
  }
  advanceRuns(store, now);
  trimResolvedAlerts(store, Math.max(5_000, Math.round(devices.length * 0.6)));
}

function flipAvailability(
  store: FleetStore,
  rng: Rng,
  device: DeviceRecord,
  now: number,
  scale: number,
): void {
  const server = device.role !== 'workstation';
  if (device.online) {
    if (!rng.chance(scale * (server ? P_OFF_SERVER : P_OFF_WORKSTATION))) return;
    device.online = false;
    store.deviceUpdated(device);
    const alerting = server ? CHURN.serverOfflineAlert : CHURN.workstationOfflineAlert;
    if (!device.maintenance && rng.chance(alerting)) recordAlert(store, offlineAlert(device, now));
    return;
  }
  const longGone = now - device.lastSeenMs > CHURN.longGoneAfterMs;
  if (!rng.chance(scale * (longGone ? P_ON_LONG_GONE : P_ON))) return;
  device.online = true;
  device.lastSeenMs = now;
  if (rng.chance(0.6)) device.lastRebootMs = now - rng.int(1, 10) * MINUTE;
  store.deviceUpdated(device);
  for (const alert of store.alertsOfDevice(device.n)) {
    if (!alert.resolved && alert.name === OFFLINE_ALERT) store.resolveAlert(alert, now);
  }
}

export function recordAlert(store: FleetStore, draft: AlertDraft): AlertRecord {
  const alert = toAlertRecord(store.next.alert++, draft);
  store.addAlert(alert);
  return alert;
}

/** Retention: drops the oldest resolved alerts so a long-running demo does not grow without bound. */
function trimResolvedAlerts(store: FleetStore, max: number): void {
  let excess = store.alerts.length - max;
  for (const alert of store.alerts.slice()) {
    if (excess <= 0) return;
    if (!alert.resolved) continue;
    store.removeAlert(alert);
    excess--;
  }
}
