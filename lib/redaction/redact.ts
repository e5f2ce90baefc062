import type { Acknowledgement } from '@/lib/domain/acknowledgement';
import type { AlertRow, DeviceRow } from '@/lib/domain/fleet';
import type { ChangeEvent } from '@/lib/domain/history';
import type { Device, DeviceDetail } from '@/lib/domain/level';
import { scrubberFor, scrubNullable, type HiddenNames, type Scrub } from '@/lib/redaction/redact-text';
import { createHash } from 'node:crypto';

// Redaction is its own layer: pure transforms of domain rows that import only lib/domain, so the
// code that builds an answer applies them without reaching into access control (lib/auth). Each
// answer is redacted in exactly one place, where it is built: the fleet queries for the device,
// alert and wall lists (their search and sort must see what the link sees, or the order and the
// matches would reveal hidden names), the device and change-log routes for theirs. Whether to
// redact is the session's (lib/auth/scoped-fleet.ts, `view.redact`); how is this folder's.
//
// "Hide hostnames and users" share links: names become stable pseudonyms derived from the
// device id, so a technician can still tell devices apart and talk about "Device 3F9A2C".
// Every mapper here picks fields one by one (never a spread): a field added to a row later stays
// out of redacted answers until someone decides how to redact it (see docs/ARCHITECTURE.md).

export type { HiddenNames } from '@/lib/redaction/redact-text';

export function pseudonym(deviceId: string): string {
  return `Device ${createHash('sha256').update(deviceId).digest('hex').slice(0, 6).toUpperCase()}`;
}

/** What a device's free texts must not show on a redacted link. */
export function hiddenNamesOf(device: Device | undefined): HiddenNames | null {
  if (!device) return null;
  return {
    hostname: device.hostname,
    nickname: device.nickname,
    user: device.lastLoggedInUser,
    serialNumber: device.serialNumber,
  };
}

/** The scrubber for every free text about one device: all its name and user forms go. */
export function deviceScrubber(deviceId: string, names: HiddenNames | null): Scrub {
  return scrubberFor(names ?? { hostname: null, user: null }, pseudonym(deviceId));
}

/**
 * A flag is free text typed in Level ("Do not reboot, jdoe's CAD box"), so it may name the device
 * or its user: scrubbed like notes and alert texts. Search-free: the flag filter compares with this.
 */
export function redactFlag(
  row: Pick<DeviceRow, 'id' | 'hostname' | 'nickname' | 'lastLoggedInUser' | 'serialNumber' | 'flag'>,
): string | null {
  if (row.flag === null) return null;
  return deviceScrubber(row.id, {
    hostname: row.hostname,
    nickname: row.nickname,
    user: row.lastLoggedInUser,
    serialNumber: row.serialNumber,
  })(row.flag);
}

export function redactDeviceRow(row: DeviceRow): DeviceRow {
  const name = pseudonym(row.id);
  return {
    id: row.id,
    hostname: name,
    nickname: null,
    displayName: name,
    status: row.status,
    online: row.online,
    maintenanceMode: row.maintenanceMode,
    role: row.role,
    platform: row.platform,
    groupId: row.groupId,
    groupPath: row.groupPath,
    clientId: row.clientId,
    clientName: row.clientName,
    tags: row.tags,
    flag: redactFlag(row),
    lastLoggedInUser: null,
    serialNumber: null,
    lastSeenAt: row.lastSeenAt,
    securityScore: row.securityScore,
    activeAlerts: row.activeAlerts,
    worstSeverity: row.worstSeverity,
    alertCounts: {
      information: row.alertCounts.information,
      warning: row.alertCounts.warning,
      critical: row.alertCounts.critical,
      emergency: row.alertCounts.emergency,
    },
  };
}

/** `names`: the device's hidden names (hostname, user, ...) as the snapshot knows them. */
/**
 * A redacted link sees that a problem is acknowledged and when, never the note: it is free text an
 * admin typed, and may name the device or its user in any form.
 */
export function redactAcknowledgement(ack: Acknowledgement | null): Acknowledgement | null {
  return ack ? { note: null, at: ack.at } : null;
}

export function redactAlertRow(row: AlertRow, names: HiddenNames | null): AlertRow {
  const both = deviceScrubber(row.deviceId, {
    hostname: names?.hostname ?? null,
    nickname: names?.nickname ?? null,
    user: names?.user ?? null,
    serialNumber: names?.serialNumber ?? null,
    aliases: [row.deviceHostname],
  });
  return {
    id: row.id,
    deviceId: row.deviceId,
    deviceHostname: pseudonym(row.deviceId),
    name: both(row.name),
    description: scrubNullable(both, row.description),
    severity: row.severity,
    resolved: row.resolved,
    startedAt: row.startedAt,
    resolvedAt: row.resolvedAt,
    groupId: row.groupId,
    clientName: row.clientName,
    acknowledged: redactAcknowledgement(row.acknowledged),
  };
}

/** Keeps Level's distinction: absent (not requested) stays absent, null stays null. */
function each<T, U>(list: T[] | null | undefined, pick: (item: T) => U): U[] | null | undefined {
  return list == null ? list : list.map(pick);
}

/**
 * Device detail, picked field by field (the mapper's object is never sent as is). Redacted: no
 * names, users or serials (of the device or its parts), and every free text scrubbed of the
 * device's name and user forms.
 */
export function shapeDetail(detail: DeviceDetail, redact: boolean): DeviceDetail {
  const name = pseudonym(detail.id);
  const scrub = redact
    ? deviceScrubber(detail.id, {
        hostname: detail.hostname,
        nickname: detail.nickname,
        user: detail.lastLoggedInUser,
        serialNumber: detail.serialNumber,
      })
    : (value: string) => value;
  const text = (value: string | null | undefined) => (value == null ? null : scrub(value));
  const serial = (value: string | null) => (redact ? null : value);
  return {
    id: detail.id,
    hostname: redact ? name : detail.hostname,
    nickname: redact ? null : detail.nickname,
    displayName: redact ? name : detail.displayName,
    role: detail.role,
    groupId: detail.groupId,
    groupName: detail.groupName,
    tags: detail.tags,
    flag: text(detail.flag),
    maintenanceMode: detail.maintenanceMode,
    online: detail.online,
    notes: text(detail.notes),
    manufacturer: detail.manufacturer,
    model: detail.model,
    architecture: detail.architecture,
    serialNumber: serial(detail.serialNumber),
    totalMemoryBytes: detail.totalMemoryBytes,
    memorySlots: detail.memorySlots,
    cpuCores: detail.cpuCores,
    lastLoggedInUser: redact ? null : detail.lastLoggedInUser,
    lastRebootAt: detail.lastRebootAt,
    lastSeenAt: detail.lastSeenAt,
    city: detail.city,
    country: detail.country,
    securityScore: detail.securityScore,
    platform: detail.platform,
    publicIpAddress: detail.publicIpAddress,
    privateIpAddresses: detail.privateIpAddresses,
    operatingSystem:
      detail.operatingSystem &&
      (({ fullName, majorVersion, minorVersion, architecture, installedAt, endOfLife }) => ({
        fullName: text(fullName),
        majorVersion,
        minorVersion,
        architecture,
        installedAt,
        endOfLife,
      }))(detail.operatingSystem),
    cpus: each(detail.cpus, (cpu) => ({ model: cpu.model, clockSpeed: cpu.clockSpeed, cores: cpu.cores })),
    memory: each(detail.memory, (module) => ({
      sizeBytes: module.sizeBytes,
      memoryType: module.memoryType,
      formFactor: module.formFactor,
      location: text(module.location),
      manufacturer: module.manufacturer,
      clockSpeed: module.clockSpeed,
      serialNumber: serial(module.serialNumber),
      partNumber: module.partNumber,
    })),
    disks: each(detail.disks, (disk) => ({
      diskType: disk.diskType,
      model: text(disk.model),
      serialNumber: serial(disk.serialNumber),
      sizeBytes: disk.sizeBytes,
    })),
    diskPartitions: each(detail.diskPartitions, (partition) => ({
      label: text(partition.label),
      mountPoint: text(partition.mountPoint),
      encrypted: partition.encrypted,
      primary: partition.primary,
      sizeBytes: partition.sizeBytes,
      freeSpaceBytes: partition.freeSpaceBytes,
      fileSystem: partition.fileSystem,
    })),
    networkInterfaces: each(detail.networkInterfaces, (nic) => ({
      description: text(nic.description),
      interface: text(nic.interface),
      label: text(nic.label),
      macAddress: nic.macAddress,
      ipAddresses: nic.ipAddresses,
      gateway: nic.gateway,
      domain: text(nic.domain),
      dhcpServer: nic.dhcpServer,
      dnsServers: nic.dnsServers,
    })),
    motherboard: detail.motherboard && {
      manufacturer: detail.motherboard.manufacturer,
      model: detail.motherboard.model,
      biosVersion: detail.motherboard.biosVersion,
    },
    security: detail.security && {
      score: detail.security.score,
      risk: detail.security.risk,
      patchCompliance: detail.security.patchCompliance,
      patchSecurityRisk: detail.security.patchSecurityRisk,
      osEndOfLife: detail.security.osEndOfLife,
      primaryPartitionEncrypted: detail.security.primaryPartitionEncrypted,
      firewallProvider: detail.security.firewallProvider,
      firewallEnabled: detail.security.firewallEnabled,
      antivirusProvider: detail.security.antivirusProvider,
      antivirusStatus: detail.security.antivirusStatus,
    },
  };
}

export function redactChange(event: ChangeEvent, names: HiddenNames | null): ChangeEvent {
  const scrub = deviceScrubber(event.deviceId, {
    hostname: names?.hostname ?? null,
    nickname: names?.nickname ?? null,
    user: names?.user ?? null,
    serialNumber: names?.serialNumber ?? null,
    aliases: [event.hostname],
  });
  return {
    at: event.at,
    kind: event.kind,
    deviceId: event.deviceId,
    hostname: pseudonym(event.deviceId),
    groupId: event.groupId,
    clientName: event.clientName,
    alertId: event.alertId,
    alertName: scrubNullable(scrub, event.alertName),
    severity: event.severity,
  };
}
