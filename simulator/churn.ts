// How often things happen to a simulated device, calibrated to a typical MSP fleet so that what
// Levelboard records (transitions, alert events, database size) has realistic volumes. Each rate
// is the mean time between events of one device; evolution applies them per step of STEP_MS.
//
// Offline stretches average 100 minutes: most are short (reboots, sleep, a laptop between
// networks), some last a night. With one every 22 h for a workstation and one a week for a server,
// ~7 % of workstations and ~1 % of servers are offline at any time, as in the generated fleet.
// Alerts: one every few days per device (a random one every 5 days, plus offline alerts). On a
// 1,000-device demo fleet that is still ~1.7 visible changes a minute.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Simulated time per evolution step (the simulator's default tick). */
export const STEP_MS = 10_000;

export const CHURN = {
  workstationOnlineMs: 22 * HOUR,
  serverOnlineMs: 7 * DAY,
  offlineMs: 100 * MINUTE,
  /** Unseen for a month: mostly retired; now and then one comes back from a drawer. */
  longGoneAfterMs: 30 * DAY,
  longGoneOfflineMs: 60 * DAY,
  /** An admin parks a device in maintenance every two months or so, and often forgets it overnight. */
  maintenanceEveryMs: 60 * DAY,
  maintenanceMs: 30 * HOUR,
  /** Disk space, failed backups, stopped services…: opened on online devices, fixed in hours. */
  alertEveryMs: 5 * DAY,
  alertOpenMs: 4 * HOUR,
  /** Share of offline stretches that raise an alert: every server, few workstations (most MSPs
   *  monitor a workstation's availability only where it matters, or after a long threshold). */
  serverOfflineAlert: 1,
  workstationOfflineAlert: 0.1,
} as const;

/** Chance that an event with this mean interval happens within one step. */
export const perStep = (meanMs: number): number => 1 - Math.exp(-STEP_MS / meanMs);
