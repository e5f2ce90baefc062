import { searchRecord, setParam, textParam } from '@/lib/search-params';
import { z } from 'zod/mini';

const schema = z.object({ q: textParam() });

export type GroupsView = z.infer<typeof schema>;

export const parseGroupsView = (search: URLSearchParams): GroupsView => schema.parse(searchRecord(search));

export function serializeGroupsView(view: GroupsView): URLSearchParams {
  const search = new URLSearchParams();
  setParam(search, 'q', view.q);
  return search;
}
