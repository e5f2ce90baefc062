import { readFleet } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { respondVersioned } from '@/lib/api/respond';
import {
  groupTree,
  toGroupName,
  type GroupNamesResponse,
  type GroupTreeResponse,
} from '@/lib/fleet/queries/group-tree';
import { snapshotTag } from '@/lib/fleet/snapshot';
import 'server-only';
import { z } from 'zod';

const query = z.strictObject({
  /** `names`: id, name and place in the tree only, for pickers and breadcrumbs. */
  view: z.enum(['full', 'names'], { error: 'must be full or names' }).optional(),
});

export const groupsRoute = route('groups.list', (request, _params, access) => {
  const { view: shape = 'full' } = parseQuery(request, query);
  const { snapshot, stale, syncedAt, view } = readFleet(access);
  return respondVersioned(
    request,
    [snapshotTag(snapshot), stale, view.key],
    () => {
      const groups = view.groups(groupTree(snapshot));
      if (shape === 'names') {
        const names: GroupNamesResponse = { groups: groups.map(toGroupName), syncedAt, stale };
        return JSON.stringify(names);
      }
      const body: GroupTreeResponse = { groups, ungrouped: view.ungrouped, syncedAt, stale };
      return JSON.stringify(body);
    },
    `groups:${shape}:${view.key}`,
  );
});
