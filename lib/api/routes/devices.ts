import { readFleet, requireGroup } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { respondVersioned } from '@/lib/api/respond';
import { deviceListQuery } from '@/lib/api/schemas/devices';
import type { DeviceRow, Page } from '@/lib/domain/fleet';
import { listDevices } from '@/lib/fleet/queries/device-list';
import { snapshotTag } from '@/lib/fleet/snapshot';
import 'server-only';

export const devicesRoute = route('devices.list', (request, _params, access) => {
  const query = parseQuery(request, deviceListQuery);
  const read = readFleet(access);
  requireGroup(read, query.group);
  const { snapshot, stale, syncedAt, view } = read;
  return respondVersioned(request, [snapshotTag(snapshot), stale, view.key], () => {
    const page = listDevices(snapshot, query, view.deviceAllowed, view.redact, view.scoped);
    const body: Page<DeviceRow> = {
      data: page.data,
      total: page.total,
      nextCursor: page.nextCursor,
      syncedAt,
      stale,
    };
    return JSON.stringify(body);
  });
});
