// Our own shape of a Level device, produced by lib/level/mappers; safe to send to the browser.

export const DEVICE_ROLES = ['workstation', 'server', 'domain_controller'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];
export const DEVICE_PLATFORMS = ['windows', 'mac', 'linux', 'other'] as const;
export type DevicePlatform = (typeof DEVICE_PLATFORMS)[number];

export interface Device {
  id: string;
  hostname: string;
  nickname: string | null;
  /** The nickname when Level has one, otherwise the hostname. */
  displayName: string;
  role: DeviceRole | null;
  groupId: string | null;
  groupName: string | null;
  /** Tag names (Level exposes names on devices, ids only on the tags resource). */
  tags: string[];
  flag: string | null;
  maintenanceMode: boolean;
  online: boolean;
  notes: string | null;
  manufacturer: string | null;
  model: string | null;
  architecture: string | null;
  serialNumber: string | null;
  totalMemoryBytes: number | null;
  memorySlots: number | null;
  cpuCores: number | null;
  lastLoggedInUser: string | null;
  lastRebootAt: string | null;
  lastSeenAt: string | null;
  city: string | null;
  country: string | null;
  securityScore: number | null;
  platform: DevicePlatform | null;
  publicIpAddress: string | null;
  privateIpAddresses: string[];
}

export interface DeviceOperatingSystem {
  fullName: string | null;
  majorVersion: string | null;
  minorVersion: string | null;
  architecture: string | null;
  installedAt: string | null;
  endOfLife: boolean | null;
}

export interface DeviceCpu {
  model: string | null;
  /** Unit undocumented by Level; most likely MHz. */
  clockSpeed: number | null;
  cores: number | null;
}

export interface DeviceMemoryModule {
  sizeBytes: number | null;
  memoryType: string | null;
  formFactor: string | null;
  location: string | null;
  manufacturer: string | null;
  clockSpeed: number | null;
  serialNumber: string | null;
  partNumber: string | null;
}

export interface DeviceDisk {
  diskType: string | null;
  model: string | null;
  serialNumber: string | null;
  sizeBytes: number | null;
}

export interface DeviceDiskPartition {
  label: string | null;
  mountPoint: string | null;
  encrypted: boolean | null;
  primary: boolean | null;
  sizeBytes: number | null;
  freeSpaceBytes: number | null;
  fileSystem: string | null;
}

export interface DeviceNetworkInterface {
  description: string | null;
  interface: string | null;
  label: string | null;
  macAddress: string | null;
  ipAddresses: string[];
  gateway: string | null;
  domain: string | null;
  dhcpServer: string | null;
  /** Level sends a string or an array; always a list here. */
  dnsServers: string[];
}

export interface DeviceMotherboard {
  manufacturer: string | null;
  model: string | null;
  biosVersion: string | null;
}

export interface DeviceSecurity {
  score: number | null;
  risk: string | null;
  /** Sources disagree: a boolean (compliant or not) or a 0–100 percentage. Kept as sent. */
  patchCompliance: number | boolean | null;
  patchSecurityRisk: string | null;
  osEndOfLife: boolean | null;
  primaryPartitionEncrypted: boolean | null;
  firewallProvider: string | null;
  firewallEnabled: boolean | null;
  antivirusProvider: string | null;
  antivirusStatus: string | null;
}

/**
 * A device with the include-gated parts. A member is absent when it was not requested (or Level
 * did not send it) and null when Level sent null.
 */
export type DeviceDetail = Device & {
  operatingSystem?: DeviceOperatingSystem | null;
  cpus?: DeviceCpu[] | null;
  memory?: DeviceMemoryModule[] | null;
  disks?: DeviceDisk[] | null;
  diskPartitions?: DeviceDiskPartition[] | null;
  networkInterfaces?: DeviceNetworkInterface[] | null;
  motherboard?: DeviceMotherboard | null;
  security?: DeviceSecurity | null;
};
