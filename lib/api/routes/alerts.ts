import { withAcknowledgements } from '@/lib/api/acknowledgement-view';
import { readFleet, requireDevice, requireGroup } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { pageBody } from '@/lib/api/page-body';
import { parseQuery } from '@/lib/api/params';
import { respondVersioned } from '@/lib/api/respond';
import { alertListQuery } from '@/lib/api/schemas/alerts';
import { listAlerts } from '@/lib/fleet/queries/alert-list';
import { snapshotTag } from '@/lib/fleet/snapshot';
import 'server-only';

export const alertsRoute = route('alerts.list', (request, _params, access) => {
  const query = parseQuery(request, alertListQuery);
  const read = readFleet(access);
  requireGroup(read, query.group);
  requireDevice(read, query.device);
  const { snapshot, stale, syncedAt, view } = read;
  const allowed = (device: { id: string }) => view.deviceIdAllowed(device.id);
  return withAcknowledgements((acks) =>
    respondVersioned(request, [snapshotTag(snapshot), acks.version, stale, view.key], () => {
      const page = listAlerts(snapshot, query, allowed, view.redact, acks.lookup);
      return JSON.stringify(pageBody(page, { syncedAt, stale }));
    }),
  );
});
