// The orders a device list can take: one list for the API's schema (lib/api/schemas/devices.ts),
// the query that sorts (lib/fleet/queries/device-order.ts) and the browser's URL state.

export const DEVICE_SORT_KEYS = [
  'hostname',
  'name',
  'status',
  'client',
  'platform',
  'role',
  'lastSeen',
  'securityScore',
  'alerts',
] as const;

export type DeviceSortKey = (typeof DEVICE_SORT_KEYS)[number];

/** A sort key, ascending, or prefixed with `-` for descending. */
export type DeviceSort = DeviceSortKey | `-${DeviceSortKey}`;

export const DEVICE_SORTS = DEVICE_SORT_KEYS.flatMap((key) => [key, `-${key}` as const]) as [
  DeviceSort,
  ...DeviceSort[],
];
