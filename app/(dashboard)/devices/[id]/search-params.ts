import type { HistoryRange } from '@/lib/domain/history';
import { enumParam, searchRecord } from '@/lib/search-params';
import { z } from 'zod/mini';

export const DEVICE_RANGES = ['24h', '7d', '30d'] as const satisfies readonly HistoryRange[];
export const DEFAULT_DEVICE_RANGE = '7d';

const schema = z.object({ range: enumParam(DEVICE_RANGES, DEFAULT_DEVICE_RANGE) });

export type DeviceDetailView = z.infer<typeof schema>;

export const parseDeviceDetailView = (search: URLSearchParams): DeviceDetailView =>
  schema.parse(searchRecord(search));

export function serializeDeviceDetailView(view: DeviceDetailView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.range !== DEFAULT_DEVICE_RANGE) search.set('range', view.range);
  return search;
}
