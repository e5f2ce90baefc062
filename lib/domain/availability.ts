// Availability and SLA (issue 20), computed from the transitions Levelboard recorded. Levelboard's
// own gaps (it was not running, or no sync succeeded) are `unknownMs`, never counted as up.

export type DeviceClass = 'server' | 'workstation';

/** Time of one device (or a sum over devices) inside the measured window, in milliseconds. */
export interface AvailabilityTime {
  upMs: number;
  downMs: number;
  /** In maintenance mode: excluded from availability. */
  maintenanceMs: number;
  /** Levelboard did not know (not running, no sync, device not yet seen): excluded and shown. */
  unknownMs: number;
  /** up ÷ (up + down) × 100; null when nothing was measured. */
  availabilityPct: number | null;
}

/** One stretch a device was down (offline, not in maintenance) inside the window. */
export interface DowntimeIncident {
  deviceId: string;
  /** Epoch ms; clipped to the window. */
  start: number;
  end: number;
  /** Counted milliseconds (business hours only, when the window is business hours). */
  durationMs: number;
  /** True when the incident was still open at the end of the window. */
  ongoing: boolean;
}

export interface DeviceAvailability extends AvailabilityTime {
  deviceId: string;
  name: string;
  deviceClass: DeviceClass;
  incidents: DowntimeIncident[];
}

export interface ClassAvailability extends AvailabilityTime {
  deviceClass: DeviceClass;
  devices: number;
  /** The client's target for this class (percent), or null when none is set. */
  targetPct: number | null;
  /** Devices below the target, worst first, with their incidents. */
  breaches: DeviceAvailability[];
}

export interface ClientAvailability {
  clientId: string;
  /** The measured window, epoch ms, and the hours it counts. */
  start: number;
  end: number;
  hours: 'all' | 'business';
  timeZone: string;
  overall: AvailabilityTime;
  classes: Record<DeviceClass, ClassAvailability>;
  devices: DeviceAvailability[];
}
