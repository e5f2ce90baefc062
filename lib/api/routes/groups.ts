import { readFleet } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { respondVersioned } from '@/lib/api/respond';
import { groupTree, type GroupTreeResponse } from '@/lib/fleet/queries/group-tree';
import 'server-only';
import { z } from 'zod';

export const groupsRoute = route('groups.list', (request) => {
  parseQuery(request, z.strictObject({}));
  const { snapshot, stale, syncedAt } = readFleet();
  return respondVersioned(
    request,
    [snapshot.version, stale],
    () => {
      const body: GroupTreeResponse = {
        groups: groupTree(snapshot),
        ungrouped: snapshot.ungrouped,
        syncedAt,
        stale,
      };
      return JSON.stringify(body);
    },
    'groups',
  );
});
