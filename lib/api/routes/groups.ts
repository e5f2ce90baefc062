import { readFleet } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { respondVersioned } from '@/lib/api/respond';
import { groupTree, type GroupTreeResponse } from '@/lib/fleet/queries/group-tree';
import { snapshotTag } from '@/lib/fleet/snapshot';
import 'server-only';
import { z } from 'zod';

export const groupsRoute = route('groups.list', (request, _params, access) => {
  parseQuery(request, z.strictObject({}));
  const { snapshot, stale, syncedAt, view } = readFleet(access);
  return respondVersioned(
    request,
    [snapshotTag(snapshot), stale, view.key],
    () => {
      const body: GroupTreeResponse = {
        groups: view.groups(groupTree(snapshot)),
        ungrouped: view.ungrouped,
        syncedAt,
        stale,
      };
      return JSON.stringify(body);
    },
    `groups:${view.key}`,
  );
});
