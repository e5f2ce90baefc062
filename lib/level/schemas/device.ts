import {
  optArrayOf,
  optBoolean,
  optNumber,
  optObject,
  optString,
  optTimestamp,
  optVersion,
  stringList,
} from '@/lib/level/schemas/fields';
import { z } from 'zod';

// REFERENCE §7.1–7.2. Only id, hostname and online are required; the rest is tolerant.

export const levelOperatingSystemSchema = z.object({
  full_operating_system: optString,
  major_version: optVersion,
  minor_version: optVersion,
  architecture: optString,
  install_date: optTimestamp,
  end_of_life: optBoolean,
});

export const levelCpuSchema = z.object({
  model: optString,
  clock_speed: optNumber,
  cores: optNumber,
});

export const levelMemoryModuleSchema = z.object({
  size: optNumber,
  memory_type: optString,
  form_factor: optString,
  location: optString,
  manufacturer: optString,
  clock_speed: optNumber,
  serial_number: optString,
  part_number: optString,
});

export const levelDiskSchema = z.object({
  disk_type: optString,
  model: optString,
  serial_number: optString,
  size: optNumber,
});

export const levelDiskPartitionSchema = z.object({
  label: optString,
  mount_point: optString,
  encrypted: optBoolean,
  primary: optBoolean,
  size: optNumber,
  free_space: optNumber,
  file_system: optString,
});

/** `dns_servers`: a string (possibly "a, b") per two sources, an array per another. */
const dnsServers = z
  .union([z.array(z.string()), z.string()])
  .nullish()
  .catch(null)
  .transform((v) => {
    if (v === undefined || v === null) return [];
    const list = typeof v === 'string' ? v.split(/[\s,;]+/) : v;
    return list.map((s) => s.trim()).filter((s) => s !== '');
  });

export const levelNetworkInterfaceSchema = z.object({
  description: optString,
  interface: optString,
  label: optString,
  mac_address: optString,
  ip_addresses: stringList,
  gateway: optString,
  domain: optString,
  dhcp_server: optString,
  dns_servers: dnsServers,
});

export const levelMotherboardSchema = z.object({
  manufacturer: optString,
  model: optString,
  bios_version: optString,
});

/** `patch_compliance`: boolean per one source, a 0–100 number per another; both kept. */
const patchCompliance = z
  .union([z.boolean(), z.number()])
  .nullish()
  .catch(null)
  .transform((v) => v ?? null);

export const levelSecuritySchema = z.object({
  score: optNumber,
  risk: optString,
  patch_compliance: patchCompliance,
  patch_security_risk: optString,
  os_end_of_life: optBoolean,
  primary_partition_encrypted: optBoolean,
  firewall_provider: optString,
  firewall_enabled: optBoolean,
  antivirus_provider: optString,
  antivirus_status: optString,
});

export const levelDeviceSchema = z.object({
  id: z.string().min(1),
  hostname: z.string(),
  online: z.boolean(),
  nickname: optString,
  role: optString,
  group_id: optString,
  group_name: optString,
  tags: stringList,
  flag: optString,
  maintenance_mode: optBoolean,
  notes: optString,
  manufacturer: optString,
  model: optString,
  architecture: optString,
  serial_number: optString,
  total_memory: optNumber,
  memory_slots: optNumber,
  cpu_cores: optNumber,
  last_logged_in_user: optString,
  last_reboot_time: optTimestamp,
  last_seen_at: optTimestamp,
  city: optString,
  country: optString,
  security_score: optNumber,
  platform: optString,
  public_ip_address: optString,
  private_ip_addresses: stringList,
  // Include-gated: absent unless requested (include_disks brings both disk lists).
  operating_system: optObject(levelOperatingSystemSchema),
  cpus: optArrayOf(levelCpuSchema),
  memory: optArrayOf(levelMemoryModuleSchema),
  disks: optArrayOf(levelDiskSchema),
  disk_partitions: optArrayOf(levelDiskPartitionSchema),
  network_interfaces: optArrayOf(levelNetworkInterfaceSchema),
  motherboard: optObject(levelMotherboardSchema),
  security: optObject(levelSecuritySchema),
});

export type LevelDevice = z.output<typeof levelDeviceSchema>;
export type LevelOperatingSystem = z.output<typeof levelOperatingSystemSchema>;
export type LevelCpu = z.output<typeof levelCpuSchema>;
export type LevelMemoryModule = z.output<typeof levelMemoryModuleSchema>;
export type LevelDisk = z.output<typeof levelDiskSchema>;
export type LevelDiskPartition = z.output<typeof levelDiskPartitionSchema>;
export type LevelNetworkInterface = z.output<typeof levelNetworkInterfaceSchema>;
export type LevelMotherboard = z.output<typeof levelMotherboardSchema>;
export type LevelSecurity = z.output<typeof levelSecuritySchema>;
