import {
  offlineAlert,
  randomAlert,
  toAlertRecord,
  type AlertDraft,
} from '@/lib/level/simulator/alert-factory';
import { OFFLINE_ALERT } from '@/lib/level/simulator/catalog-alerts';
import type { Rng } from '@/lib/level/simulator/random';
import { advanceRuns } from '@/lib/level/simulator/runs';
import type { FleetStore } from '@/lib/level/simulator/store';
import type { AlertRecord, AlertSeverity, DeviceRecord } from '@/lib/level/simulator/types';

const MINUTE = 60_000;
const LONG_GONE = 30 * 24 * 60 * MINUTE;
// Per sampled device per step. Steady-state offline share ≈ P_OFF / (P_OFF + P_ON) ≈ 7 % for
// workstations and ≈ 1 % for servers, matching the generated fleet.
const P_OFF_WORKSTATION = 0.04;
const P_OFF_SERVER = 0.005;
const P_ON = 0.5;
const P_ON_LONG_GONE = 0.05;
const P_MAINTENANCE_ENTER = 0.01;
const P_MAINTENANCE_EXIT = 0.5;
const P_ALERT_RESOLVE = 0.03;
const NEW_SEVERITY: readonly (readonly [AlertSeverity, number])[] = [
  ['information', 40],
  ['warning', 42],
  ['critical', 13],
  ['emergency', 5],
];

/** One step of simulated time: availability churn, maintenance, alerts firing/resolving, runs. */
export function evolve(store: FleetStore, rng: Rng, nowMs: number): void {
  const now = Math.floor(nowMs / 1000) * 1000;
  const devices = store.devices;
  for (const device of devices) if (device.online) device.lastSeenMs = now;
  if (devices.length > 0) {
    const samples = Math.max(1, Math.ceil(devices.length * 0.01));
    for (let i = 0; i < samples; i++) flipAvailability(store, rng, rng.pick(devices), now);
    const maintenanceSamples = Math.max(1, Math.ceil(devices.length * 0.002));
    for (let i = 0; i < maintenanceSamples; i++) {
      const device = rng.pick(devices);
      if (rng.chance(device.maintenance ? P_MAINTENANCE_EXIT : P_MAINTENANCE_ENTER))
        device.maintenance = !device.maintenance;
    }
    const alertAttempts = Math.max(1, Math.round(devices.length * 0.002));
    for (let i = 0; i < alertAttempts; i++) {
      const device = rng.pick(devices);
      if (device.online && rng.chance(0.5))
        recordAlert(store, randomAlert(rng, device, now, rng.weighted(NEW_SEVERITY)));
    }
  }
  for (const alert of store.activeAlerts) {
    const stillOffline = alert.name === OFFLINE_ALERT && !store.device(alert.deviceN)?.online;
    if (!stillOffline && rng.chance(P_ALERT_RESOLVE)) store.resolveAlert(alert, now);
  }
  advanceRuns(store, now);
  trimResolvedAlerts(store, Math.max(5_000, Math.round(devices.length * 0.6)));
}

function flipAvailability(store: FleetStore, rng: Rng, device: DeviceRecord, now: number): void {
  if (device.online) {
    if (!rng.chance(device.role === 'workstation' ? P_OFF_WORKSTATION : P_OFF_SERVER)) return;
    device.online = false;
    if (!device.maintenance && rng.chance(0.7)) recordAlert(store, offlineAlert(device, now));
    return;
  }
  if (!rng.chance(now - device.lastSeenMs > LONG_GONE ? P_ON_LONG_GONE : P_ON)) return;
  device.online = true;
  device.lastSeenMs = now;
  if (rng.chance(0.6)) device.lastRebootMs = now - rng.int(1, 10) * MINUTE;
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
