import { route } from '@/lib/api/handler';
import { readFleet } from '@/lib/api/fleet-read';
import { parseQuery } from '@/lib/api/params';
import { respondVersioned } from '@/lib/api/respond';
import { alertListQuery } from '@/lib/api/schemas/alerts';
import { listAlerts } from '@/lib/fleet/queries/alert-list';

export const dynamic = 'force-dynamic';

export const GET = route('alerts.list', (request) => {
  const query = parseQuery(request, alertListQuery);
  const { snapshot, stale, syncedAt } = readFleet();
  const page = listAlerts(snapshot, query);
  return respondVersioned(request, [snapshot.version, stale], () => JSON.stringify({ ...page, syncedAt, stale }));
});
