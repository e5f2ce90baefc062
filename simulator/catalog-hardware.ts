import type { Platform } from '@/simulator/types';

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

// Positional rows keep the table one line per profile; the column order is hw()'s parameter order.
const hw = (
  platform: Platform,
  use: HardwareUse,
  laptop: boolean,
  manufacturer: string,
  model: string,
  architecture: 'x64' | 'arm64',
  memoryGb: readonly number[],
  slots: number,
  cores: readonly number[],
  cpu: string,
  clockMhz: number,
  serial: SerialStyle,
  diskType: HardwareProfile['diskType'],
  diskGb: readonly number[],
  board: string,
  weight: number,
): HardwareProfile => ({
  platform,
  use,
  laptop,
  manufacturer,
  model,
  architecture,
  memoryGb,
  slots,
  cores,
  cpu,
  clockMhz,
  serial,
  diskType,
  diskGb,
  board,
  weight,
});
const INTEL_I5 = 'Intel(R) Core(TM) i5-1345U';
const INTEL_I7 = 'Intel(R) Core(TM) i7-13700';

// prettier-ignore
export const HARDWARE_PROFILES: readonly HardwareProfile[] = [
  hw('Windows', 'workstation', false, 'Dell Inc.', 'OptiPlex 7090', 'x64', [8, 16, 32], 2, [6, 8], 'Intel(R) Core(TM) i7-10700 CPU @ 2.90GHz', 2904, 'dell', 'NVMe', [256, 512], '0W0CHX', 20),
  hw('Windows', 'workstation', false, 'Dell Inc.', 'OptiPlex 7010', 'x64', [16, 32], 2, [12, 16], INTEL_I7, 2100, 'dell', 'NVMe', [512], '0KFRR4', 12),
  hw('Windows', 'workstation', true, 'Dell Inc.', 'Latitude 5440', 'x64', [16, 32], 2, [10], INTEL_I5, 1600, 'dell', 'NVMe', [256, 512], '0K2GRD', 18),
  hw('Windows', 'workstation', true, 'LENOVO', 'ThinkPad T14 Gen 4', 'x64', [16, 32], 1, [10, 12], 'Intel(R) Core(TM) i7-1365U', 1800, 'lenovo', 'NVMe', [512, 1024], '21HDCTO1WW', 14),
  hw('Windows', 'workstation', false, 'LENOVO', 'ThinkCentre M70q Gen 3', 'x64', [8, 16], 2, [6], 'Intel(R) Core(TM) i5-12400T', 1800, 'lenovo', 'SSD', [256], '3730', 8),
  hw('Windows', 'workstation', true, 'HP', 'HP EliteBook 840 G10', 'x64', [16, 32], 2, [10, 12], INTEL_I5, 1600, 'hp', 'NVMe', [512], '8B41', 10),
  hw('Windows', 'workstation', false, 'HP', 'HP ProDesk 400 G7 SFF', 'x64', [8, 16], 2, [6], 'Intel(R) Core(TM) i5-10500 CPU @ 3.10GHz', 3096, 'hp', 'HDD', [500, 1000], '8767', 6),
  hw('Windows', 'workstation', true, 'Microsoft Corporation', 'Surface Laptop 5', 'x64', [8, 16], 1, [10], 'Intel(R) Core(TM) i5-1245U', 1600, 'microsoft', 'NVMe', [256, 512], 'Surface Laptop 5', 4),
  hw('Windows', 'server', false, 'Dell Inc.', 'PowerEdge R650', 'x64', [64, 128, 256], 16, [16, 24, 32], 'Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz', 2394, 'dell', 'SSD', [960, 1920], '0PYVT1', 6),
  hw('Windows', 'server', false, 'Dell Inc.', 'PowerEdge T350', 'x64', [32, 64], 4, [8], 'Intel(R) Xeon(R) E-2378 CPU @ 2.60GHz', 2592, 'dell', 'SSD', [480, 960], '0MK701', 5),
  hw('Windows', 'server', false, 'HPE', 'ProLiant DL380 Gen10', 'x64', [64, 128], 24, [20, 28], 'Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz', 2095, 'hp', 'SSD', [1920], 'ProLiant DL380 Gen10', 4),
  hw('Windows', 'server', false, 'VMware, Inc.', 'VMware7,1', 'x64', [8, 16, 32], 1, [2, 4, 8], 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', 1995, 'vmware', 'Virtual', [100, 200, 500], '440BX Desktop Reference Platform', 8),
  hw('Windows', 'server', false, 'Microsoft Corporation', 'Virtual Machine', 'x64', [8, 16], 1, [2, 4], 'AMD EPYC 7763 64-Core Processor', 2445, 'none', 'Virtual', [127, 256], 'Virtual Machine', 7),
  hw('Mac', 'workstation', true, 'Apple Inc.', 'MacBook Pro (14-inch, 2023)', 'arm64', [16, 32], 0, [10, 12], 'Apple M2 Pro', 3490, 'apple', 'SSD', [512, 1024], 'Mac14,9', 8),
  hw('Mac', 'workstation', true, 'Apple Inc.', 'MacBook Air (M2, 2022)', 'arm64', [8, 16], 0, [8], 'Apple M2', 3490, 'apple', 'SSD', [256, 512], 'Mac14,2', 9),
  hw('Mac', 'workstation', false, 'Apple Inc.', 'iMac (24-inch, M3, 2023)', 'arm64', [8, 16], 0, [8], 'Apple M3', 4050, 'apple', 'SSD', [256, 512], 'Mac15,5', 3),
  hw('Mac', 'workstation', false, 'Apple Inc.', 'Mac mini (2023)', 'arm64', [8, 16], 0, [8], 'Apple M2', 3490, 'apple', 'SSD', [256, 512], 'Mac14,3', 2),
  hw('Linux', 'workstation', true, 'LENOVO', 'ThinkPad X1 Carbon Gen 11', 'x64', [16, 32], 0, [12], 'Intel(R) Core(TM) i7-1365U', 1800, 'lenovo', 'NVMe', [512, 1024], '21HMCTO1WW', 6),
  hw('Linux', 'workstation', false, 'System76', 'Thelio', 'x64', [32, 64], 4, [16], 'AMD Ryzen 9 7950X 16-Core Processor', 4500, 'none', 'NVMe', [1024, 2048], 'thelio-r4', 3),
  hw('Linux', 'workstation', false, 'Raspberry Pi Foundation', 'Raspberry Pi 4 Model B Rev 1.5', 'arm64', [4, 8], 0, [4], 'Cortex-A72', 1800, 'none', 'SSD', [32, 64], 'Raspberry Pi 4 Model B', 3),
  hw('Linux', 'server', false, 'QEMU', 'Standard PC (Q35 + ICH9, 2009)', 'x64', [4, 8, 16], 1, [2, 4], 'QEMU Virtual CPU version 2.5+', 2400, 'none', 'Virtual', [40, 80, 160], 'Standard PC (Q35 + ICH9, 2009)', 6),
  hw('Linux', 'server', false, 'Dell Inc.', 'PowerEdge R650', 'x64', [64, 128], 16, [24, 32], 'Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz', 2394, 'dell', 'SSD', [960, 1920], '0PYVT1', 3),
  hw('Linux', 'server', false, 'VMware, Inc.', 'VMware7,1', 'x64', [4, 8, 16], 1, [2, 4], 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', 1995, 'vmware', 'Virtual', [50, 100], '440BX Desktop Reference Platform', 4),
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
