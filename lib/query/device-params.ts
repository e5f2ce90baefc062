import type { DevicePlatform, DeviceRole } from '@/lib/domain/device';
import { DEVICE_SORTS, type DeviceSort } from '@/lib/domain/device-sort';
import type { DeviceStatus } from '@/lib/domain/fleet';
import { PATCH_STATES, type PatchState } from '@/lib/domain/posture';

// The values /api/devices accepts, shared by the devices page's URL state and its columns.
export { DEVICE_PLATFORMS } from '@/lib/domain/device';
export { DEVICE_STATUSES } from '@/lib/domain/fleet';
export const ALERT_FILTERS = ['any', 'none', 'critical'] as const;
export type AlertFilter = (typeof ALERT_FILTERS)[number];

export { PATCH_STATES };
export type { DeviceSort };
export const RISK_FILTERS = ['high', 'medium', 'low', 'unknown'] as const;
export const ANTIVIRUS_FILTERS = ['good', 'bad', 'unknown'] as const;
export const BOOLEAN_FILTERS = ['true', 'false'] as const;
export const SORTS = DEVICE_SORTS;

/** The devices page's filters and sort, as its URL and its /api/devices request carry them. */
export interface DeviceView {
  q?: string;
  status: DeviceStatus[];
  group?: string;
  tag?: string;
  platform: DevicePlatform[];
  role: DeviceRole[];
  alerts?: AlertFilter;
  /** Level's device flag: `any`, `none` or one flag's text. */
  flag?: string;
  /** Posture (issue 20), as /api/devices names them. */
  patch?: PatchState;
  risk?: (typeof RISK_FILTERS)[number];
  antivirus?: (typeof ANTIVIRUS_FILTERS)[number];
  encrypted?: 'true' | 'false';
  eol?: 'true' | 'false';
  sort: DeviceSort;
}
