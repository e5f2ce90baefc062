import type { HistoryRange } from '@/lib/domain/history';
import { enumParam, searchRecord } from '@/lib/search-params';
import { z } from 'zod/mini';

export const GROUP_RANGES = ['24h', '7d', '30d'] as const satisfies readonly HistoryRange[];
const DEFAULT_RANGE = '24h';

const schema = z.object({ range: enumParam(GROUP_RANGES, DEFAULT_RANGE) });

export type GroupView = z.infer<typeof schema>;

export const parseGroupView = (search: URLSearchParams): GroupView => schema.parse(searchRecord(search));

export function serializeGroupView(view: GroupView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.range !== DEFAULT_RANGE) search.set('range', view.range);
  return search;
}
