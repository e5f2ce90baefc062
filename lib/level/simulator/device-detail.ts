import { hardwareProfile } from '@/lib/level/simulator/catalog-hardware';
import { osFor, SALT, sectionRng } from '@/lib/level/simulator/device-os';
import type { FleetStore } from '@/lib/level/simulator/store';
import type { DeviceRecord, JsonObject } from '@/lib/level/simulator/types';

export interface IncludeFlags {
  operatingSystem: boolean;
  cpus: boolean;
  memory: boolean;
  disks: boolean;
  networkInterfaces: boolean;
  motherboard: boolean;
  security: boolean;
}

const DAY = 86_400_000;
const GIB = 1024 ** 3;

/** Include-gated sub-objects, regenerated from the device seed on every request instead of stored. */
export function deviceDetail(store: FleetStore, device: DeviceRecord, flags: IncludeFlags): JsonObject {
  const out: JsonObject = {};
  const profile = hardwareProfile(device.hardware);
  if (flags.operatingSystem) {
    const os = osFor(device);
    const rng = sectionRng(device, SALT.os);
    const installed = Math.floor((store.epochMs - rng.int(20, 1500) * DAY) / DAY) * DAY;
    out.operating_system = {
      full_operating_system: os.name,
      major_version: os.major,
      minor_version: os.minor,
      architecture: profile.architecture === 'arm64' ? 'ARM 64-bit' : '64-bit',
      install_date: new Date(installed).toISOString(),
      end_of_life: os.endOfLife,
    };
  }
  if (flags.cpus) {
    const sockets = device.role !== 'workstation' && device.cpuCores >= 24 ? 2 : 1;
    out.cpus = Array.from({ length: sockets }, () => ({
      model: profile.cpu,
      clock_speed: profile.clockMhz,
      cores: device.cpuCores / sockets,
    }));
  }
  if (flags.memory) out.memory = memory(device);
  if (flags.disks) Object.assign(out, disks(store, device));
  if (flags.networkInterfaces) out.network_interfaces = network(device);
  if (flags.motherboard) {
    const rng = sectionRng(device, SALT.board);
    out.motherboard = {
      manufacturer: profile.manufacturer,
      model: profile.board,
      bios_version: biosVersion(profile.manufacturer, rng.int(10, 40)),
    };
  }
  if (flags.security) out.security = security(store, device);
  return out;
}

function memory(device: DeviceRecord): JsonObject[] {
  const profile = hardwareProfile(device.hardware);
  const rng = sectionRng(device, SALT.memory);
  const gb = device.totalMemory / GIB;
  const count = profile.slots === 0 ? 1 : Math.min(profile.slots, gb >= 64 ? 4 : gb >= 16 ? 2 : 1);
  const soldered = profile.platform === 'Mac';
  const vendor = rng.pick(['Samsung', 'SK Hynix', 'Micron', 'Kingston']);
  return Array.from({ length: count }, (_, i) => ({
    size: device.totalMemory / count,
    memory_type: soldered ? 'LPDDR5' : profile.use === 'server' ? 'DDR4' : rng.pick(['DDR4', 'DDR5']),
    form_factor: soldered ? 'Onboard' : profile.laptop ? 'SODIMM' : 'DIMM',
    location: soldered ? 'Onboard' : `DIMM${i}`,
    manufacturer: vendor,
    clock_speed: soldered ? 6400 : rng.pick([2666, 3200, 4800]),
    serial_number: soldered ? null : rng.hex(8).toUpperCase(),
    part_number: soldered ? null : `M${rng.int(300, 499)}A${rng.int(1, 4)}K43EB1-CWE`,
  }));
}

function disks(store: FleetStore, device: DeviceRecord): JsonObject {
  const profile = hardwareProfile(device.hardware);
  const rng = sectionRng(device, SALT.disks);
  const sizeGb = rng.pick(profile.diskGb);
  const size = sizeGb * 1_000_000_000;
  const alerts = store.alertsOfDevice(device.n).filter((a) => !a.resolved);
  // Keep the partition consistent with an open disk-space alert, if there is one.
  const freeShare = alerts.some((a) => a.name === 'Disk space critical')
    ? rng.int(0, 2) / 100
    : alerts.some((a) => a.name === 'Disk space low')
      ? rng.int(4, 10) / 100
      : rng.int(18, 75) / 100;
  const encrypted = profile.platform === 'Mac' ? rng.chance(0.85) : profile.platform === 'Windows' ? rng.chance(0.7) : rng.chance(0.2);
  const primary = {
    label: profile.platform === 'Mac' ? 'Macintosh HD' : profile.platform === 'Windows' ? 'OS' : '',
    mount_point: profile.platform === 'Windows' ? 'C:' : '/',
    encrypted,
    primary: true,
    size: Math.round(size * 0.97),
    free_space: Math.round(size * 0.97 * freeShare),
    file_system: profile.platform === 'Windows' ? 'NTFS' : profile.platform === 'Mac' ? 'APFS' : 'ext4',
  };
  const extra =
    profile.use === 'server' && profile.platform === 'Windows'
      ? [{ label: 'Data', mount_point: 'D:', encrypted: false, primary: false, size: size * 2, free_space: Math.round(size * 2 * rng.int(10, 60) / 100), file_system: 'NTFS' }]
      : profile.platform === 'Linux'
        ? [{ label: 'boot', mount_point: '/boot/efi', encrypted: false, primary: false, size: 536_870_912, free_space: 530_000_000, file_system: 'vfat' }]
        : [];
  return {
    disks: [
      {
        disk_type: profile.diskType,
        model: diskModel(profile.diskType, profile.manufacturer, rng.int(0, 2)),
        serial_number: profile.diskType === 'Virtual' ? null : rng.hex(16).toUpperCase(),
        size: profile.use === 'server' && profile.platform === 'Windows' ? size * 3 : size,
      },
    ],
    disk_partitions: [primary, ...extra],
  };
}

function diskModel(type: string, manufacturer: string, variant: number): string {
  if (type === 'Virtual') return manufacturer.startsWith('VMware') ? 'VMware Virtual disk' : 'Virtual Disk';
  if (manufacturer === 'Apple Inc.') return 'APPLE SSD AP0512Z';
  if (type === 'HDD') return 'ST1000DM010-2EP102';
  return ['Samsung SSD 980 PRO 1TB', 'KXG80ZNV512G KIOXIA', 'WD PC SN740 SDDPNQD-512G'][variant] ?? 'NVMe SSD';
}

function network(device: DeviceRecord): JsonObject[] {
  const profile = hardwareProfile(device.hardware);
  const rng = sectionRng(device, SALT.network);
  const wifi = profile.laptop && rng.chance(0.8);
  const [a, b, c] = device.privateIp.split('.');
  const gateway = `${a}.${b}.${c}.1`;
  const mac = Array.from({ length: 6 }, () => rng.hex(2)).join(':').toUpperCase();
  const name =
    profile.platform === 'Windows' ? (wifi ? 'Wi-Fi' : 'Ethernet') : profile.platform === 'Mac' ? 'en0' : profile.use === 'server' ? 'ens18' : wifi ? 'wlp0s20f3' : 'enp0s31f6';
  const domain = profile.platform === 'Windows' && device.user?.includes('\\') ? `${device.user.split('\\')[0]?.toLowerCase()}.local` : null;
  return [
    {
      description: wifi ? 'Intel(R) Wi-Fi 6E AX211 160MHz' : profile.use === 'server' ? 'vmxnet3 Ethernet Adapter' : 'Intel(R) Ethernet Connection (17) I219-LM',
      interface: name,
      label: name,
      mac_address: mac,
      ip_addresses: [device.privateIp, `fe80::${rng.hex(4)}:${rng.hex(4)}:${rng.hex(4)}:${rng.hex(4)}`],
      gateway,
      domain,
      dhcp_server: profile.use === 'server' ? null : gateway,
      // [X] in the reference (string vs array); the spec-derived models say string.
      dns_servers: domain ? `${a}.${b}.${c}.10, 1.1.1.1` : gateway,
    },
  ];
}

function biosVersion(manufacturer: string, minor: number): string {
  if (manufacturer === 'Dell Inc.') return `1.${minor}.0`;
  if (manufacturer === 'LENOVO') return `N3XET${minor + 30}W (1.${minor} )`;
  if (manufacturer === 'Apple Inc.') return `iBoot-11881.${minor}1.1`;
  if (manufacturer.startsWith('VMware')) return 'VMW71.00V.21100432.B64.2301110304';
  if (manufacturer === 'Microsoft Corporation') return 'Hyper-V UEFI Release v4.1';
  return `${minor}.0.0`;
}

function security(store: FleetStore, device: DeviceRecord): JsonObject {
  const rng = sectionRng(device, SALT.security);
  const os = osFor(device);
  const open = new Set(store.alertsOfDevice(device.n).filter((a) => !a.resolved).map((a) => a.name));
  const score = device.securityScore;
  const platform = device.platform;
  return {
    score,
    risk: score === null ? null : score >= 80 ? 'low' : score >= 60 ? 'medium' : score >= 40 ? 'high' : 'critical',
    // [X] boolean (S9) vs percentage (S12); the simulator follows S9.
    patch_compliance: score !== null && score >= 70,
    patch_security_risk: score === null ? 'unknown' : score >= 80 ? 'none' : score >= 60 ? 'low' : 'high',
    os_end_of_life: os.endOfLife,
    primary_partition_encrypted: rng.chance(platform === 'Linux' ? 0.2 : 0.75),
    firewall_provider: platform === 'Windows' ? 'Windows Defender Firewall' : platform === 'Mac' ? 'macOS Application Firewall' : rng.chance(0.6) ? 'ufw' : null,
    firewall_enabled: open.has('Firewall disabled') ? false : rng.chance(0.93),
    antivirus_provider: platform === 'Windows' ? rng.pick(['Microsoft Defender Antivirus', 'Microsoft Defender Antivirus', 'SentinelOne']) : platform === 'Mac' ? 'XProtect' : null,
    antivirus_status: platform === 'Linux' ? null : open.has('Antivirus disabled') ? 'disabled' : rng.chance(0.92) ? 'good' : 'outdated',
  };
}
