import { readFleet, requireGroup } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { pageBody } from '@/lib/api/page-body';
import { parseQuery } from '@/lib/api/params';
import { respondVersioned } from '@/lib/api/respond';
import { deviceListQuery } from '@/lib/api/schemas/devices';
import type { Device } from '@/lib/domain/device';
import { listDevices } from '@/lib/fleet/queries/device-list';
import { snapshotTag } from '@/lib/fleet/snapshot';
import { toRowPosture } from '@/lib/posture/derive';
import { postureCacheNow } from '@/lib/runtime/posture';
import 'server-only';

export const devicesRoute = route('devices.list', (request, _params, access) => {
  const query = parseQuery(request, deviceListQuery);
  const read = readFleet(access);
  requireGroup(read, query.group);
  const { snapshot, stale, syncedAt, view } = read;
  const posture = postureCacheNow();
  const lookup = posture ? (device: Device) => toRowPosture(posture.posture(device)) : undefined;
  return respondVersioned(request, [snapshotTag(snapshot), stale, view.key, posture?.version ?? -1], () => {
    const page = listDevices(snapshot, query, view.deviceAllowed, view.redact, view.scoped, lookup);
    return JSON.stringify(pageBody(page, { syncedAt, stale }));
  });
});
