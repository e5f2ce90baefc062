import { customAlert } from '@/simulator/alert-factory';
import type { IncludeFlags } from '@/simulator/device-detail';
import { ApiError, notFound } from '@/simulator/errors';
import { evolve, recordAlert } from '@/simulator/evolution';
import { idNumber, type IdType } from '@/simulator/ids';
import { createListing, type ListingController, type ListingSettings } from '@/simulator/listing';
import { createRng, mixSeed, type Rng } from '@/simulator/random';
import { alertJson, deviceJson } from '@/simulator/serialize';
import type { FleetStore } from '@/simulator/store';
import {
  ALERT_SEVERITIES,
  type AlertRecord,
  type AlertSeverity,
  type DeviceRecord,
  type GroupRecord,
  type JsonObject,
  type TagRecord,
} from '@/simulator/types';

/**
 * Device buckets use the definitions Levelboard uses, so the two can be compared 1:1:
 * online = online && !maintenance_mode; offline = !online && !maintenance_mode;
 * maintenance = maintenance_mode (whatever `online` says).
 */
export type FleetCounts = {
  devices: { total: number; online: number; offline: number; maintenance: number };
  alerts: { active: Record<AlertSeverity, number>; resolved: number };
  groups: number;
  tags: number;
};

export interface DeviceStatusChange {
  online?: boolean;
  maintenance_mode?: boolean;
}

export interface OpenAlertInput {
  device_id: string;
  severity: AlertSeverity;
  name?: string;
  description?: string;
}

/**
 * The simulator's mutable world. Offers the same operations as the /_sim control API, taking and
 * returning API-shaped values (string ids, JSON objects), plus `store` for raw access.
 */
export class SimulatorState {
  /** Runtime randomness (evolution, runs) — seeded, but a separate stream from generation. */
  readonly rng: Rng;
  private frozen: boolean;
  /** Order of the device list and what an unknown cursor does (switchable at run time). */
  readonly listing: ListingController;

  constructor(
    readonly store: FleetStore,
    seed: number,
    frozen: boolean,
    readonly now: () => number = Date.now,
    listing: Partial<ListingSettings> = {},
  ) {
    this.rng = createRng(mixSeed(seed, 0xe701));
    this.frozen = frozen;
    this.listing = createListing(listing);
  }

  isFrozen = (): boolean => this.frozen;
  setFrozen = (frozen: boolean): void => {
    this.frozen = frozen;
  };

  /** One evolution step; works whether or not the clock is frozen. */
  tick(): void {
    evolve(this.store, this.rng, this.now());
  }

  getDevice(deviceId: string, include?: IncludeFlags): JsonObject {
    return deviceJson(this.store, this.requireDevice(deviceId), include);
  }

  setDeviceStatus(deviceId: string, change: DeviceStatusChange): JsonObject {
    const device = this.requireDevice(deviceId);
    const now = Math.floor(this.now() / 1000) * 1000;
    // last_seen_at moves on either edge: the device was just seen going down or coming back.
    if (change.online !== undefined && change.online !== device.online) {
      device.online = change.online;
      device.lastSeenMs = now;
    }
    const wasMaintenance = device.maintenance;
    if (change.maintenance_mode !== undefined) device.maintenance = change.maintenance_mode;
    if (device.lastSeenMs === now || device.maintenance !== wasMaintenance) this.store.deviceUpdated(device);
    return deviceJson(this.store, device);
  }

  /**
   * A new device enrols (Level has no API for it: the agent does it), seen just now, in `groupId`
   * or ungrouped. A copy of an existing device's hardware with the next id and its own hostname.
   */
  enrolDevice(input: { group_id?: string | null } = {}): JsonObject {
    const group = input.group_id ? this.requireGroup(input.group_id) : null;
    const template = this.store.devices[0];
    if (!template) throw new ApiError(409, 'No device to copy the hardware of');
    const last = this.store.devices.at(-1)?.n ?? 0;
    const n = Math.max(last, ...this.store.removedDevices.keys()) + 1;
    const now = Math.floor(this.now() / 1000) * 1000;
    const device: DeviceRecord = {
      ...template,
      n,
      seed: mixSeed(n, 0xe4201),
      hostname: `ENROLLED-${n}`,
      nickname: null,
      groupN: group?.n ?? null,
      tagNs: [],
      flag: null,
      maintenance: false,
      online: true,
      notes: null,
      serial: null,
      lastRebootMs: now,
      lastSeenMs: now,
    };
    this.store.addDevice(device);
    return deviceJson(this.store, device);
  }

  openAlert(input: OpenAlertInput): JsonObject {
    if (!ALERT_SEVERITIES.includes(input.severity))
      throw new ApiError(400, 'severity must be one of information, warning, critical, emergency');
    const device = this.requireDevice(input.device_id);
    const draft = customAlert(
      this.rng,
      device,
      Math.floor(this.now() / 1000) * 1000,
      input.severity,
      input.name,
      input.description,
    );
    return alertJson(recordAlert(this.store, draft));
  }

  resolveAlert(alertId: string): JsonObject {
    const alert = this.requireAlert(alertId);
    this.store.resolveAlert(alert, Math.floor(this.now() / 1000) * 1000);
    return alertJson(alert);
  }

  counts(): FleetCounts {
    const devices = { total: 0, online: 0, offline: 0, maintenance: 0 };
    for (const d of this.store.devices) {
      devices.total++;
      if (d.maintenance) devices.maintenance++;
      else if (d.online) devices.online++;
      else devices.offline++;
    }
    const active: Record<AlertSeverity, number> = { information: 0, warning: 0, critical: 0, emergency: 0 };
    for (const alert of this.store.activeAlerts) active[alert.severity]++;
    return {
      devices,
      alerts: { active, resolved: this.store.alerts.length - this.store.activeAlerts.size },
      groups: this.store.groups.length,
      tags: this.store.tags.length,
    };
  }

  requireDevice = (id: unknown): DeviceRecord => required(this.store.device(num(id, 'Device')), 'Device');
  requireGroup = (id: unknown): GroupRecord => required(this.store.group(num(id, 'Group')), 'Group');
  requireTag = (id: unknown): TagRecord => required(this.store.tag(num(id, 'Tag')), 'Tag');
  requireAlert = (id: unknown): AlertRecord => required(this.store.alert(num(id, 'Alert')), 'Alert');
}

// Malformed ids are treated like unknown ones (404): Level answers 404 for a literal "null" id too.
const num = (id: unknown, type: IdType): number => idNumber(id, type) ?? -1;

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw notFound(`${what} not found`);
  return value;
}
