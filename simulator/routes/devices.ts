import { asObject, optionalString } from '@/simulator/body';
import { pageDevices } from '@/simulator/listing';
import { listBody, parsePageParams } from '@/simulator/pagination';
import { includeFlags } from '@/simulator/query';
import { ok, type RouteContext, type RouteDef, type RouteResult } from '@/simulator/route-types';
import { deviceJson } from '@/simulator/serialize';
import type { DeviceRecord } from '@/simulator/types';

interface Filter {
  readonly candidates: readonly DeviceRecord[];
  readonly accept: (d: DeviceRecord) => boolean;
}

/**
 * Each filter brings its own pre-sorted index; the page walks the smallest one and checks the
 * others per item, so a filtered page never scans the whole fleet.
 */
function deviceFilters({ state, query }: RouteContext): Filter[] {
  const { store } = state;
  const filters: Filter[] = [];
  const groupId = query.get('group_id');
  if (groupId === 'null') {
    filters.push({ candidates: store.ungrouped, accept: (d) => d.groupN === null });
  } else if (groupId !== null) {
    const group = state.requireGroup(groupId);
    filters.push({ candidates: store.devicesInGroup(group.n), accept: (d) => d.groupN === group.n });
  }
  const ancestorId = query.get('ancestor_group_id');
  if (ancestorId !== null) {
    const members = store.subtree(state.requireGroup(ancestorId).n);
    const inTree = new Set(members.map((g) => g.n));
    const candidates = members.flatMap((g) => store.devicesInGroup(g.n)).sort((a, b) => a.n - b.n);
    filters.push({ candidates, accept: (d) => d.groupN !== null && inTree.has(d.groupN) });
  }
  const tagId = query.get('tag_id');
  if (tagId !== null) {
    const tag = state.requireTag(tagId);
    filters.push({ candidates: tag.devices, accept: (d) => d.tagNs.includes(tag.n) });
  }
  const hostname = query.get('hostname');
  if (hostname !== null) {
    // Case-insensitive: Windows hostnames are, and the reference leaves it open.
    const wanted = hostname.toLowerCase();
    filters.push({
      candidates: store.devicesByHostname(hostname),
      accept: (d) => d.hostname.toLowerCase() === wanted,
    });
  }
  const serial = query.get('serial_number');
  if (serial !== null)
    filters.push({ candidates: store.devicesBySerial(serial), accept: (d) => d.serial === serial });
  return filters;
}

function listDevices(ctx: RouteContext): RouteResult {
  const params = parsePageParams(ctx.query, 'Device');
  const filters = deviceFilters(ctx);
  const narrowest = filters.reduce<readonly DeviceRecord[]>(
    (best, f) => (f.candidates.length < best.length ? f.candidates : best),
    ctx.state.store.devices,
  );
  const accept = filters.length === 0 ? undefined : (d: DeviceRecord) => filters.every((f) => f.accept(d));
  const { store } = ctx.state;
  const page = pageDevices(
    narrowest,
    params,
    ctx.state.listing.get(),
    {
      device: store.device,
      removed: (n) => store.removedDevices.get(n),
    },
    accept,
  );
  const include = includeFlags(ctx.query);
  return ok(listBody(page, (d) => deviceJson(ctx.state.store, d, include)));
}

function showDevice({ state, param, query }: RouteContext): RouteResult {
  return ok(state.getDevice(param, includeFlags(query)));
}

function updateDevice({ state, param, body }: RouteContext): RouteResult {
  const device = state.requireDevice(param);
  const input = asObject(body);
  const name = optionalString(input, 'name');
  const notes = optionalString(input, 'notes');
  const groupId = optionalString(input, 'group_id');
  // Validate everything before changing anything.
  const group = typeof groupId === 'string' ? state.requireGroup(groupId) : groupId;
  if (name !== undefined) device.nickname = name === null || name.trim() === '' ? null : name;
  if (notes !== undefined) device.notes = notes;
  const moves = group !== undefined && device.groupN !== (group === null ? null : group.n);
  // A move announces itself (with the new name already set); otherwise announce the edit here.
  if (moves) state.store.moveDevice(device, group === null ? null : group.n);
  else if (name !== undefined || notes !== undefined) state.store.deviceUpdated(device);
  return ok(deviceJson(state.store, device));
}

function deleteDevice({ state, param }: RouteContext): RouteResult {
  const device = state.requireDevice(param);
  const snapshot = deviceJson(state.store, device);
  state.store.removeDevice(device);
  return ok(snapshot);
}

export const deviceRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v2/devices', handler: listDevices },
  { method: 'GET', path: '/v2/devices/{id}', handler: showDevice },
  { method: 'PATCH', path: '/v2/devices/{id}', handler: updateDevice },
  { method: 'DELETE', path: '/v2/devices/{id}', handler: deleteDevice },
];
