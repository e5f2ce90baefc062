// The values /api/devices accepts, shared by the devices page's URL state and its columns.
export const DEVICE_STATUSES = ['online', 'offline', 'maintenance'] as const;
export const DEVICE_PLATFORMS = ['windows', 'mac', 'linux', 'other'] as const;
export const DEVICE_ROLES = ['workstation', 'server', 'domain_controller'] as const;
export const ALERT_FILTERS = ['any', 'none', 'critical'] as const;
export type AlertFilter = (typeof ALERT_FILTERS)[number];

export const SORT_KEYS = [
  'name',
  'hostname',
  'status',
  'client',
  'platform',
  'role',
  'lastSeen',
  'securityScore',
  'alerts',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type DeviceSort = SortKey | `-${SortKey}`;
export const SORTS = SORT_KEYS.flatMap((key) => [key, `-${key}`]) as [DeviceSort, ...DeviceSort[]];
