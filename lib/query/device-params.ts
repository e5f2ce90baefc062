import {
  DEVICE_SORT_KEYS,
  type DevicePlatform,
  type DeviceRole,
  type DeviceSortKey,
} from '@/lib/domain/device';
import type { DeviceStatus } from '@/lib/domain/fleet';

// The values /api/devices accepts, shared by the devices page's URL state and its columns.
export const DEVICE_STATUSES = ['online', 'offline', 'maintenance'] as const;
export const DEVICE_PLATFORMS = ['windows', 'mac', 'linux', 'other'] as const;
export const ALERT_FILTERS = ['any', 'none', 'critical'] as const;
export type AlertFilter = (typeof ALERT_FILTERS)[number];

export type DeviceSort = DeviceSortKey | `-${DeviceSortKey}`;
export const SORTS = DEVICE_SORT_KEYS.flatMap((key) => [key, `-${key}`]) as [DeviceSort, ...DeviceSort[]];

/** The devices page's filters and sort, as its URL and its /api/devices request carry them. */
export interface DeviceView {
  q?: string;
  status: DeviceStatus[];
  group?: string;
  tag?: string;
  platform: DevicePlatform[];
  role: DeviceRole[];
  alerts?: AlertFilter;
  sort: DeviceSort;
}
