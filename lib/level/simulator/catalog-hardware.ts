import type { Platform } from '@/lib/level/simulator/types';

export type SerialStyle = 'dell' | 'lenovo' | 'hp' | 'apple' | 'vmware' | 'microsoft' | 'none';
export type HardwareUse = 'workstation' | 'server';

export interface HardwareProfile {
  readonly platform: Platform;
  readonly use: HardwareUse;
  readonly laptop: boolean;
  readonly manufacturer: string;
  readonly model: string;
  readonly architecture: 'x64' | 'arm64';
  readonly memoryGb: readonly number[];
  readonly slots: number;
  readonly cores: readonly number[];
  readonly cpu: string;
  readonly clockMhz: number;
  readonly serial: SerialStyle;
  readonly diskType: 'SSD' | 'NVMe' | 'HDD' | 'Virtual';
  readonly diskGb: readonly number[];
  readonly board: string;
  readonly weight: number;
}

const hw = (p: Omit<HardwareProfile, 'weight'>, weight: number): HardwareProfile => ({ ...p, weight });
const INTEL_I5 = 'Intel(R) Core(TM) i5-1345U';
const INTEL_I7 = 'Intel(R) Core(TM) i7-13700';

export const HARDWARE_PROFILES: readonly HardwareProfile[] = [
  hw({ platform: 'Windows', use: 'workstation', laptop: false, manufacturer: 'Dell Inc.', model: 'OptiPlex 7090', architecture: 'x64', memoryGb: [8, 16, 32], slots: 2, cores: [6, 8], cpu: 'Intel(R) Core(TM) i7-10700 CPU @ 2.90GHz', clockMhz: 2904, serial: 'dell', diskType: 'NVMe', diskGb: [256, 512], board: '0W0CHX' }, 20),
  hw({ platform: 'Windows', use: 'workstation', laptop: false, manufacturer: 'Dell Inc.', model: 'OptiPlex 7010', architecture: 'x64', memoryGb: [16, 32], slots: 2, cores: [12, 16], cpu: INTEL_I7, clockMhz: 2100, serial: 'dell', diskType: 'NVMe', diskGb: [512], board: '0KFRR4' }, 12),
  hw({ platform: 'Windows', use: 'workstation', laptop: true, manufacturer: 'Dell Inc.', model: 'Latitude 5440', architecture: 'x64', memoryGb: [16, 32], slots: 2, cores: [10], cpu: INTEL_I5, clockMhz: 1600, serial: 'dell', diskType: 'NVMe', diskGb: [256, 512], board: '0K2GRD' }, 18),
  hw({ platform: 'Windows', use: 'workstation', laptop: true, manufacturer: 'LENOVO', model: 'ThinkPad T14 Gen 4', architecture: 'x64', memoryGb: [16, 32], slots: 1, cores: [10, 12], cpu: 'Intel(R) Core(TM) i7-1365U', clockMhz: 1800, serial: 'lenovo', diskType: 'NVMe', diskGb: [512, 1024], board: '21HDCTO1WW' }, 14),
  hw({ platform: 'Windows', use: 'workstation', laptop: false, manufacturer: 'LENOVO', model: 'ThinkCentre M70q Gen 3', architecture: 'x64', memoryGb: [8, 16], slots: 2, cores: [6], cpu: 'Intel(R) Core(TM) i5-12400T', clockMhz: 1800, serial: 'lenovo', diskType: 'SSD', diskGb: [256], board: '3730' }, 8),
  hw({ platform: 'Windows', use: 'workstation', laptop: true, manufacturer: 'HP', model: 'HP EliteBook 840 G10', architecture: 'x64', memoryGb: [16, 32], slots: 2, cores: [10, 12], cpu: INTEL_I5, clockMhz: 1600, serial: 'hp', diskType: 'NVMe', diskGb: [512], board: '8B41' }, 10),
  hw({ platform: 'Windows', use: 'workstation', laptop: false, manufacturer: 'HP', model: 'HP ProDesk 400 G7 SFF', architecture: 'x64', memoryGb: [8, 16], slots: 2, cores: [6], cpu: 'Intel(R) Core(TM) i5-10500 CPU @ 3.10GHz', clockMhz: 3096, serial: 'hp', diskType: 'HDD', diskGb: [500, 1000], board: '8767' }, 6),
  hw({ platform: 'Windows', use: 'workstation', laptop: true, manufacturer: 'Microsoft Corporation', model: 'Surface Laptop 5', architecture: 'x64', memoryGb: [8, 16], slots: 1, cores: [10], cpu: 'Intel(R) Core(TM) i5-1245U', clockMhz: 1600, serial: 'microsoft', diskType: 'NVMe', diskGb: [256, 512], board: 'Surface Laptop 5' }, 4),
  hw({ platform: 'Windows', use: 'server', laptop: false, manufacturer: 'Dell Inc.', model: 'PowerEdge R650', architecture: 'x64', memoryGb: [64, 128, 256], slots: 16, cores: [16, 24, 32], cpu: 'Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz', clockMhz: 2394, serial: 'dell', diskType: 'SSD', diskGb: [960, 1920], board: '0PYVT1' }, 6),
  hw({ platform: 'Windows', use: 'server', laptop: false, manufacturer: 'Dell Inc.', model: 'PowerEdge T350', architecture: 'x64', memoryGb: [32, 64], slots: 4, cores: [8], cpu: 'Intel(R) Xeon(R) E-2378 CPU @ 2.60GHz', clockMhz: 2592, serial: 'dell', diskType: 'SSD', diskGb: [480, 960], board: '0MK701' }, 5),
  hw({ platform: 'Windows', use: 'server', laptop: false, manufacturer: 'HPE', model: 'ProLiant DL380 Gen10', architecture: 'x64', memoryGb: [64, 128], slots: 24, cores: [20, 28], cpu: 'Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz', clockMhz: 2095, serial: 'hp', diskType: 'SSD', diskGb: [1920], board: 'ProLiant DL380 Gen10' }, 4),
  hw({ platform: 'Windows', use: 'server', laptop: false, manufacturer: 'VMware, Inc.', model: 'VMware7,1', architecture: 'x64', memoryGb: [8, 16, 32], slots: 1, cores: [2, 4, 8], cpu: 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', clockMhz: 1995, serial: 'vmware', diskType: 'Virtual', diskGb: [100, 200, 500], board: '440BX Desktop Reference Platform' }, 8),
  hw({ platform: 'Windows', use: 'server', laptop: false, manufacturer: 'Microsoft Corporation', model: 'Virtual Machine', architecture: 'x64', memoryGb: [8, 16], slots: 1, cores: [2, 4], cpu: 'AMD EPYC 7763 64-Core Processor', clockMhz: 2445, serial: 'none', diskType: 'Virtual', diskGb: [127, 256], board: 'Virtual Machine' }, 7),
  hw({ platform: 'Mac', use: 'workstation', laptop: true, manufacturer: 'Apple Inc.', model: 'MacBook Pro (14-inch, 2023)', architecture: 'arm64', memoryGb: [16, 32], slots: 0, cores: [10, 12], cpu: 'Apple M2 Pro', clockMhz: 3490, serial: 'apple', diskType: 'SSD', diskGb: [512, 1024], board: 'Mac14,9' }, 8),
  hw({ platform: 'Mac', use: 'workstation', laptop: true, manufacturer: 'Apple Inc.', model: 'MacBook Air (M2, 2022)', architecture: 'arm64', memoryGb: [8, 16], slots: 0, cores: [8], cpu: 'Apple M2', clockMhz: 3490, serial: 'apple', diskType: 'SSD', diskGb: [256, 512], board: 'Mac14,2' }, 9),
  hw({ platform: 'Mac', use: 'workstation', laptop: false, manufacturer: 'Apple Inc.', model: 'iMac (24-inch, M3, 2023)', architecture: 'arm64', memoryGb: [8, 16], slots: 0, cores: [8], cpu: 'Apple M3', clockMhz: 4050, serial: 'apple', diskType: 'SSD', diskGb: [256, 512], board: 'Mac15,5' }, 3),
  hw({ platform: 'Mac', use: 'workstation', laptop: false, manufacturer: 'Apple Inc.', model: 'Mac mini (2023)', architecture: 'arm64', memoryGb: [8, 16], slots: 0, cores: [8], cpu: 'Apple M2', clockMhz: 3490, serial: 'apple', diskType: 'SSD', diskGb: [256, 512], board: 'Mac14,3' }, 2),
  hw({ platform: 'Linux', use: 'workstation', laptop: true, manufacturer: 'LENOVO', model: 'ThinkPad X1 Carbon Gen 11', architecture: 'x64', memoryGb: [16, 32], slots: 0, cores: [12], cpu: 'Intel(R) Core(TM) i7-1365U', clockMhz: 1800, serial: 'lenovo', diskType: 'NVMe', diskGb: [512, 1024], board: '21HMCTO1WW' }, 6),
  hw({ platform: 'Linux', use: 'workstation', laptop: false, manufacturer: 'System76', model: 'Thelio', architecture: 'x64', memoryGb: [32, 64], slots: 4, cores: [16], cpu: 'AMD Ryzen 9 7950X 16-Core Processor', clockMhz: 4500, serial: 'none', diskType: 'NVMe', diskGb: [1024, 2048], board: 'thelio-r4' }, 3),
  hw({ platform: 'Linux', use: 'workstation', laptop: false, manufacturer: 'Raspberry Pi Foundation', model: 'Raspberry Pi 4 Model B Rev 1.5', architecture: 'arm64', memoryGb: [4, 8], slots: 0, cores: [4], cpu: 'Cortex-A72', clockMhz: 1800, serial: 'none', diskType: 'SSD', diskGb: [32, 64], board: 'Raspberry Pi 4 Model B' }, 3),
  hw({ platform: 'Linux', use: 'server', laptop: false, manufacturer: 'QEMU', model: 'Standard PC (Q35 + ICH9, 2009)', architecture: 'x64', memoryGb: [4, 8, 16], slots: 1, cores: [2, 4], cpu: 'QEMU Virtual CPU version 2.5+', clockMhz: 2400, serial: 'none', diskType: 'Virtual', diskGb: [40, 80, 160], board: 'Standard PC (Q35 + ICH9, 2009)' }, 6),
  hw({ platform: 'Linux', use: 'server', laptop: false, manufacturer: 'Dell Inc.', model: 'PowerEdge R650', architecture: 'x64', memoryGb: [64, 128], slots: 16, cores: [24, 32], cpu: 'Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz', clockMhz: 2394, serial: 'dell', diskType: 'SSD', diskGb: [960, 1920], board: '0PYVT1' }, 3),
  hw({ platform: 'Linux', use: 'server', laptop: false, manufacturer: 'VMware, Inc.', model: 'VMware7,1', architecture: 'x64', memoryGb: [4, 8, 16], slots: 1, cores: [2, 4], cpu: 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', clockMhz: 1995, serial: 'vmware', diskType: 'Virtual', diskGb: [50, 100], board: '440BX Desktop Reference Platform' }, 4),
];

/** Profile indexes grouped by platform and use, with weights, for weighted picks. */
export function profilesFor(platform: Platform, use: HardwareUse): (readonly [number, number])[] {
  const out: (readonly [number, number])[] = [];
  HARDWARE_PROFILES.forEach((p, i) => {
    if (p.platform === platform && p.use === use) out.push([i, p.weight]);
  });
  return out;
}

export function hardwareProfile(index: number): HardwareProfile {
  const profile = HARDWARE_PROFILES[index];
  if (profile === undefined) throw new Error(`unknown hardware profile ${index}`);
  return profile;
}
