import type { HistoryRange } from '@/lib/domain/history';
import { enumParam, searchRecord, setParam, textParam } from '@/lib/search-params';
import { z } from 'zod/mini';

export const OVERVIEW_RANGES = ['24h', '7d', '30d'] as const satisfies readonly HistoryRange[];
const DEFAULT_RANGE = '24h';

// `scope` is a client (top-level group) id; absent means the whole fleet.
const schema = z.object({ range: enumParam(OVERVIEW_RANGES, DEFAULT_RANGE), scope: textParam() });

export type OverviewView = z.infer<typeof schema>;

export const parseOverviewView = (search: URLSearchParams): OverviewView =>
  schema.parse(searchRecord(search));

export function serializeOverviewView(view: OverviewView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.range !== DEFAULT_RANGE) search.set('range', view.range);
  setParam(search, 'scope', view.scope);
  return search;
}
