import { readFleet } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { respondVersioned } from '@/lib/api/respond';
import type { ClientsResponse } from '@/lib/domain/fleet';
import { clientSummaries } from '@/lib/fleet/queries/summary';
import 'server-only';
import { z } from 'zod';

export const fleetClientsRoute = route('fleet.clients', (request) => {
  parseQuery(request, z.strictObject({}));
  const { snapshot, stale, syncedAt } = readFleet();
  return respondVersioned(
    request,
    [snapshot.version, stale],
    () => {
      const body: ClientsResponse = {
        clients: clientSummaries(snapshot),
        ungrouped: snapshot.ungrouped,
        syncedAt,
        stale,
      };
      return JSON.stringify(body);
    },
    'clients',
  );
});
