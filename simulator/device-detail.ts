import { hardwareProfile } from '@/simulator/catalog-hardware';
import { network } from '@/simulator/device-network';
import { osFor, SALT, sectionRng } from '@/simulator/device-os';
import { security } from '@/simulator/device-security';
import { disks } from '@/simulator/device-storage';
import type { FleetStore } from '@/simulator/store';
import type { DeviceRecord, JsonObject } from '@/simulator/types';

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

function biosVersion(manufacturer: string, minor: number): string {
  if (manufacturer === 'Dell Inc.') return `1.${minor}.0`;
  if (manufacturer === 'LENOVO') return `N3XET${minor + 30}W (1.${minor} )`;
  if (manufacturer === 'Apple Inc.') return `iBoot-11881.${minor}1.1`;
  if (manufacturer.startsWith('VMware')) return 'VMW71.00V.21100432.B64.2301110304';
  if (manufacturer === 'Microsoft Corporation') return 'Hyper-V UEFI Release v4.1';
  return `${minor}.0.0`;
}
