import { DEVICE_SORT_KEYS, type DeviceSortKey } from '@/lib/domain/device';

// The values /api/devices accepts, shared by the devices page's URL state and its columns.
export const DEVICE_STATUSES = ['online', 'offline', 'maintenance'] as const;
export const DEVICE_PLATFORMS = ['windows', 'mac', 'linux', 'other'] as const;
export const ALERT_FILTERS = ['any', 'none', 'critical'] as const;
export type AlertFilter = (typeof ALERT_FILTERS)[number];

export type DeviceSort = DeviceSortKey | `-${DeviceSortKey}`;
export const SORTS = DEVICE_SORT_KEYS.flatMap((key) => [key, `-${key}`]) as [DeviceSort, ...DeviceSort[]];
