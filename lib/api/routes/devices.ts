import { readFleet } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { respondVersioned } from '@/lib/api/respond';
import { deviceListQuery } from '@/lib/api/schemas/devices';
import { listDevices } from '@/lib/fleet/queries/device-list';
import 'server-only';

export const devicesRoute = route('devices.list', (request) => {
  const query = parseQuery(request, deviceListQuery);
  const { snapshot, stale, syncedAt } = readFleet();
  const page = listDevices(snapshot, query);
  return respondVersioned(request, [snapshot.version, stale], () =>
    JSON.stringify({ ...page, syncedAt, stale }),
  );
});
