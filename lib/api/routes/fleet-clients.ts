import { readFleet } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { respondVersioned } from '@/lib/api/respond';
import type { ClientsResponse } from '@/lib/domain/fleet';
import { snapshotTag } from '@/lib/fleet/snapshot';
import 'server-only';
import { z } from 'zod';

export const fleetClientsRoute = route('fleet.clients', (request, _params, access) => {
  parseQuery(request, z.strictObject({}));
  const { snapshot, stale, syncedAt, view } = readFleet(access);
  return respondVersioned(
    request,
    [snapshotTag(snapshot), stale, view.key],
    () => {
      const body: ClientsResponse = { clients: view.clients, ungrouped: view.ungrouped, syncedAt, stale };
      return JSON.stringify(body);
    },
    `clients:${view.key}`,
  );
});
