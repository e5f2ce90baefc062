import { readFleet } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { respondVersioned } from '@/lib/api/respond';
import { alertListQuery } from '@/lib/api/schemas/alerts';
import { listAlerts } from '@/lib/fleet/queries/alert-list';
import 'server-only';

export const alertsRoute = route('alerts.list', (request) => {
  const query = parseQuery(request, alertListQuery);
  const { snapshot, stale, syncedAt } = readFleet();
  const page = listAlerts(snapshot, query);
  return respondVersioned(request, [snapshot.version, stale], () =>
    JSON.stringify({ ...page, syncedAt, stale }),
  );
});
