import { ALERT_SORTS } from '@/lib/domain/alert-sort';
import { SEVERITIES } from '@/lib/domain/severity';
import { ALERT_WINDOWS, type AlertListParams, type AlertWindow } from '@/lib/query/alerts';
import {
  enumParam,
  listParam,
  optionalEnumParam,
  searchRecord,
  setParam,
  textParam,
} from '@/lib/search-params';
import { z } from 'zod/mini';

export const ALERT_STATUSES = ['active', 'resolved', 'all'] as const;
const WINDOWS = Object.keys(ALERT_WINDOWS) as [AlertWindow, ...AlertWindow[]];

const schema = z.object({
  status: enumParam(ALERT_STATUSES, 'active'),
  severity: listParam(SEVERITIES),
  group: textParam(),
  device: textParam(),
  window: optionalEnumParam(WINDOWS),
  q: textParam(),
  sort: optionalEnumParam(ALERT_SORTS),
});

export type AlertsView = z.infer<typeof schema>;

export const parseAlertsView = (search: URLSearchParams): AlertsView => schema.parse(searchRecord(search));

export function serializeAlertsView(view: AlertsView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.status !== 'active') search.set('status', view.status);
  setParam(search, 'severity', view.severity);
  setParam(search, 'group', view.group);
  setParam(search, 'device', view.device);
  setParam(search, 'window', view.window);
  setParam(search, 'q', view.q);
  if (view.sort === 'newest') search.set('sort', view.sort);
  return search;
}

export const toAlertParams = (view: AlertsView): AlertListParams => ({
  status: view.status,
  severity: view.severity.length ? view.severity : undefined,
  group: view.group,
  device: view.device,
  window: view.window,
  q: view.q,
  sort: view.sort === 'newest' ? 'newest' : undefined,
});
