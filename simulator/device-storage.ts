import { hardwareProfile } from '@/simulator/catalog-hardware';
import { SALT, sectionRng } from '@/simulator/device-os';
import type { FleetStore } from '@/simulator/store';
import type { DeviceRecord, JsonObject } from '@/simulator/types';

/** `disks` and `disk_partitions` (both come with include_disks). */
export function disks(store: FleetStore, device: DeviceRecord): JsonObject {
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
  const encrypted =
    profile.platform === 'Mac'
      ? rng.chance(0.85)
      : profile.platform === 'Windows'
        ? rng.chance(0.7)
        : rng.chance(0.2);
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
      ? [
          {
            label: 'Data',
            mount_point: 'D:',
            encrypted: false,
            primary: false,
            size: size * 2,
            free_space: Math.round((size * 2 * rng.int(10, 60)) / 100),
            file_system: 'NTFS',
          },
        ]
      : profile.platform === 'Linux'
        ? [
            {
              label: 'boot',
              mount_point: '/boot/efi',
              encrypted: false,
              primary: false,
              size: 536_870_912,
              free_space: 530_000_000,
              file_system: 'vfat',
            },
          ]
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
  return (
    ['Samsung SSD 980 PRO 1TB', 'KXG80ZNV512G KIOXIA', 'WD PC SN740 SDDPNQD-512G'][variant] ?? 'NVMe SSD'
  );
}
