import type {
  AvailabilityTime,
  ClassAvailability,
  ClientAvailability,
  DeviceAvailability,
  DowntimeIncident,
} from '@/lib/domain/availability';
import type { ClientReportSettings } from '@/lib/domain/report-settings';

// The JSON shapes of the availability and report-settings routes, built field by field (never a
// spread of the internal object), shared by the routes and the browser.

export interface AvailabilityResponse {
  clientId: string;
  clientName: string;
  availability: ClientAvailability;
  syncedAt: string;
  stale: boolean;
}

export interface ClientReportSettingsResponse {
  clientId: string;
  clientName: string;
  settings: ClientReportSettings;
}

function timeView(time: AvailabilityTime): AvailabilityTime {
  return {
    upMs: time.upMs,
    downMs: time.downMs,
    maintenanceMs: time.maintenanceMs,
    unknownMs: time.unknownMs,
    availabilityPct: time.availabilityPct,
  };
}

function incidentView(incident: DowntimeIncident): DowntimeIncident {
  return {
    deviceId: incident.deviceId,
    start: incident.start,
    end: incident.end,
    durationMs: incident.durationMs,
    ongoing: incident.ongoing,
  };
}

function deviceView(
  device: DeviceAvailability,
  nameOf: (device: DeviceAvailability) => string,
): DeviceAvailability {
  return {
    deviceId: device.deviceId,
    name: nameOf(device),
    deviceClass: device.deviceClass,
    ...timeView(device),
    incidents: device.incidents.map(incidentView),
  };
}

function classView(
  entry: ClassAvailability,
  nameOf: (device: DeviceAvailability) => string,
): ClassAvailability {
  return {
    deviceClass: entry.deviceClass,
    devices: entry.devices,
    targetPct: entry.targetPct,
    breaches: entry.breaches.map((device) => deviceView(device, nameOf)),
    ...timeView(entry),
  };
}

/** `nameOf` lets a redacted link show pseudonyms instead of hostnames. */
export function availabilityView(
  result: ClientAvailability,
  nameOf: (device: DeviceAvailability) => string = (device) => device.name,
): ClientAvailability {
  return {
    clientId: result.clientId,
    start: result.start,
    end: result.end,
    hours: result.hours,
    timeZone: result.timeZone,
    overall: timeView(result.overall),
    classes: {
      server: classView(result.classes.server, nameOf),
      workstation: classView(result.classes.workstation, nameOf),
    },
    devices: result.devices.map((device) => deviceView(device, nameOf)),
  };
}

export function clientReportSettingsView(settings: ClientReportSettings): ClientReportSettings {
  return {
    timeZone: settings.timeZone,
    businessHours: {
      days: [...settings.businessHours.days],
      from: settings.businessHours.from,
      to: settings.businessHours.to,
    },
    slaTargets: {
      serversPct: settings.slaTargets.serversPct,
      workstationsPct: settings.slaTargets.workstationsPct,
    },
    slaHours: settings.slaHours,
    contacts: [...settings.contacts],
    maintenanceLongerThanDays: settings.maintenanceLongerThanDays,
    offlineLongerThanDays: settings.offlineLongerThanDays,
  };
}
