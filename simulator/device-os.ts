import { osReleases, type OsRelease } from '@/simulator/catalog-os';
import { createRng, mixSeed } from '@/simulator/random';
import type { DeviceRecord } from '@/simulator/types';

/** Salts that give each derived aspect of a device its own independent random stream. */
export const SALT = {
  os: 1,
  cpus: 2,
  memory: 3,
  disks: 4,
  network: 5,
  board: 6,
  security: 7,
  updates: 8,
} as const;

export const sectionRng = (device: DeviceRecord, salt: number) => createRng(mixSeed(device.seed, salt));

/** The device's OS is derived, not stored; detail, security and updates all agree on it. */
export function osFor(device: DeviceRecord): OsRelease {
  const releases = osReleases(device.platform, device.role !== 'workstation');
  return sectionRng(device, SALT.os).weighted(releases.map((r) => [r, r.weight] as const));
}
