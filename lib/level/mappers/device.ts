import {
  DEVICE_ROLES,
  type Device,
  type DeviceDetail,
  type DevicePlatform,
  type DeviceRole,
  type DeviceSecurity,
} from '@/lib/domain/device';
import type { LevelDevice, LevelSecurity } from '@/lib/level/schemas/device';

function toRole(role: string | null): DeviceRole | null {
  const value = role
    ?.trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return DEVICE_ROLES.find((r) => r === value) ?? null;
}

/** Level sends `Windows` / `Mac` / `Linux`; a value we do not know is still a platform: `other`. */
function toPlatform(platform: string | null): DevicePlatform | null {
  if (platform === null || platform.trim() === '') return null;
  const value = platform.trim().toLowerCase();
  if (value === 'windows') return 'windows';
  if (value === 'mac' || value === 'macos' || value === 'darwin') return 'mac';
  if (value === 'linux') return 'linux';
  return 'other';
}

/** Longest flag kept; Level's UI sets short labels, a longer value is cut rather than dropped. */
const FLAG_MAX = 120;

/**
 * Level's "active flag on the device": free text chosen in Level (e.g. "Do not reboot"), or none.
 * Blank means none; whitespace is collapsed so the same flag typed twice filters as one. The
 * schema already turned a non-string (an unknown shape) into null.
 */
export function toFlag(flag: string | null): string | null {
  const text = flag?.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? null : text.slice(0, FLAG_MAX);
}

export function toDevice(raw: LevelDevice): Device {
  const nickname = raw.nickname?.trim() ? raw.nickname : null;
  return {
    id: raw.id,
    hostname: raw.hostname,
    nickname,
    displayName: nickname ?? raw.hostname,
    role: toRole(raw.role),
    groupId: raw.group_id,
    groupName: raw.group_name,
    tags: raw.tags,
    flag: toFlag(raw.flag),
    maintenanceMode: raw.maintenance_mode ?? false,
    online: raw.online,
    notes: raw.notes,
    manufacturer: raw.manufacturer,
    model: raw.model,
    architecture: raw.architecture,
    serialNumber: raw.serial_number,
    totalMemoryBytes: raw.total_memory,
    memorySlots: raw.memory_slots,
    cpuCores: raw.cpu_cores,
    lastLoggedInUser: raw.last_logged_in_user,
    lastRebootAt: raw.last_reboot_time,
    lastSeenAt: raw.last_seen_at,
    city: raw.city,
    country: raw.country,
    securityScore: raw.security_score,
    platform: toPlatform(raw.platform),
    publicIpAddress: raw.public_ip_address,
    privateIpAddresses: raw.private_ip_addresses,
  };
}

function toSecurity(s: LevelSecurity): DeviceSecurity {
  return {
    score: s.score,
    risk: s.risk,
    patchCompliance: s.patch_compliance,
    patchSecurityRisk: s.patch_security_risk,
    osEndOfLife: s.os_end_of_life,
    primaryPartitionEncrypted: s.primary_partition_encrypted,
    firewallProvider: s.firewall_provider,
    firewallEnabled: s.firewall_enabled,
    antivirusProvider: s.antivirus_provider,
    antivirusStatus: s.antivirus_status,
  };
}

/** Maps `value` when Level sent the key (null stays null), leaves the member out when it did not. */
function present<T, U>(value: T | null | undefined, map: (v: T) => U): { value: U | null } | undefined {
  if (value === undefined) return undefined;
  return { value: value === null ? null : map(value) };
}

export function toDeviceDetail(raw: LevelDevice): DeviceDetail {
  const detail: DeviceDetail = toDevice(raw);
  const os = present(raw.operating_system, (o) => ({
    fullName: o.full_operating_system,
    majorVersion: o.major_version,
    minorVersion: o.minor_version,
    architecture: o.architecture,
    installedAt: o.install_date,
    endOfLife: o.end_of_life,
  }));
  if (os) detail.operatingSystem = os.value;
  const cpus = present(raw.cpus, (list) =>
    list.map((c) => ({ model: c.model, clockSpeed: c.clock_speed, cores: c.cores })),
  );
  if (cpus) detail.cpus = cpus.value;
  const memory = present(raw.memory, (list) =>
    list.map((m) => ({
      sizeBytes: m.size,
      memoryType: m.memory_type,
      formFactor: m.form_factor,
      location: m.location,
      manufacturer: m.manufacturer,
      clockSpeed: m.clock_speed,
      serialNumber: m.serial_number,
      partNumber: m.part_number,
    })),
  );
  if (memory) detail.memory = memory.value;
  const disks = present(raw.disks, (list) =>
    list.map((d) => ({
      diskType: d.disk_type,
      model: d.model,
      serialNumber: d.serial_number,
      sizeBytes: d.size,
    })),
  );
  if (disks) detail.disks = disks.value;
  const partitions = present(raw.disk_partitions, (list) =>
    list.map((p) => ({
      label: p.label,
      mountPoint: p.mount_point,
      encrypted: p.encrypted,
      primary: p.primary,
      sizeBytes: p.size,
      freeSpaceBytes: p.free_space,
      fileSystem: p.file_system,
    })),
  );
  if (partitions) detail.diskPartitions = partitions.value;
  const nics = present(raw.network_interfaces, (list) =>
    list.map((n) => ({
      description: n.description,
      interface: n.interface,
      label: n.label,
      macAddress: n.mac_address,
      ipAddresses: n.ip_addresses,
      gateway: n.gateway,
      domain: n.domain,
      dhcpServer: n.dhcp_server,
      dnsServers: n.dns_servers,
    })),
  );
  if (nics) detail.networkInterfaces = nics.value;
  const board = present(raw.motherboard, (b) => ({
    manufacturer: b.manufacturer,
    model: b.model,
    biosVersion: b.bios_version,
  }));
  if (board) detail.motherboard = board.value;
  const security = present(raw.security, toSecurity);
  if (security) detail.security = security.value;
  return detail;
}
