import { DEVICE_ROLES } from '@/lib/domain/device';
import {
  ALERT_FILTERS,
  ANTIVIRUS_FILTERS,
  BOOLEAN_FILTERS,
  DEVICE_PLATFORMS,
  DEVICE_STATUSES,
  PATCH_STATES,
  RISK_FILTERS,
  SORTS,
  type DeviceSort,
  type DeviceView,
} from '@/lib/query/device-params';
import {
  enumParam,
  listParam,
  optionalEnumParam,
  searchRecord,
  setParam,
  textParam,
} from '@/lib/search-params';
import { z } from 'zod/mini';

export const DEFAULT_SORT: DeviceSort = 'name';

// The URL speaks the API's own parameter names, so a view's link and its data request match.
const schema = z.object({
  q: textParam(),
  status: listParam(DEVICE_STATUSES),
  group: textParam(),
  tag: textParam(),
  platform: listParam(DEVICE_PLATFORMS),
  role: listParam(DEVICE_ROLES),
  alerts: optionalEnumParam(ALERT_FILTERS),
  flag: textParam(),
  patch: optionalEnumParam(PATCH_STATES),
  risk: optionalEnumParam(RISK_FILTERS),
  antivirus: optionalEnumParam(ANTIVIRUS_FILTERS),
  encrypted: optionalEnumParam(BOOLEAN_FILTERS),
  eol: optionalEnumParam(BOOLEAN_FILTERS),
  sort: enumParam(SORTS, DEFAULT_SORT),
});

export type { DeviceView };

export function parseDeviceView(search: URLSearchParams): DeviceView {
  return schema.parse(searchRecord(search));
}

/** Canonical order; `withDefaults` also writes the sort, as the API request needs it. */
export function serializeDeviceView(view: DeviceView, withDefaults = false): URLSearchParams {
  const search = new URLSearchParams();
  setParam(search, 'q', view.q);
  setParam(search, 'status', view.status);
  setParam(search, 'group', view.group);
  setParam(search, 'tag', view.tag);
  setParam(search, 'platform', view.platform);
  setParam(search, 'role', view.role);
  setParam(search, 'alerts', view.alerts);
  setParam(search, 'flag', view.flag);
  setParam(search, 'patch', view.patch);
  setParam(search, 'risk', view.risk);
  setParam(search, 'antivirus', view.antivirus);
  setParam(search, 'encrypted', view.encrypted);
  setParam(search, 'eol', view.eol);
  if (withDefaults || view.sort !== DEFAULT_SORT) search.set('sort', view.sort);
  return search;
}

export const hasFilters = (view: DeviceView) =>
  Boolean(
    view.q ||
    view.group ||
    view.tag ||
    view.alerts ||
    view.flag ||
    view.patch ||
    view.risk ||
    view.antivirus ||
    view.encrypted ||
    view.eol ||
    view.status.length ||
    view.platform.length ||
    view.role.length,
  );
