import { asObject, deviceIdList, optionalString, requiredName, type Body } from '@/simulator/body';
import { badRequest, unprocessable } from '@/simulator/errors';
import { arraySource, listBody, paginate, parsePageParams } from '@/simulator/pagination';
import { created, ok, type RouteContext, type RouteDef, type RouteResult } from '@/simulator/route-types';
import { groupJson } from '@/simulator/serialize';
import { byN } from '@/simulator/sorted';
import type { SimulatorState } from '@/simulator/state';
import type { GroupRecord } from '@/simulator/types';

function listGroups({ state, query }: RouteContext): RouteResult {
  const params = parsePageParams(query, 'Group');
  const parentId = query.get('parent_id');
  // The spec's `parent_id=null` (roots) is honoured; one live report says Level 404s it instead.
  const parentN = parentId === null ? undefined : parentId === 'null' ? null : state.requireGroup(parentId).n;
  const accept = parentN === undefined ? undefined : (g: GroupRecord) => g.parentN === parentN;
  const page = paginate(arraySource(state.store.groups, byN), params, accept);
  return ok(listBody(page, (g) => groupJson(state.store, g)));
}

function parentFrom(state: SimulatorState, input: Body): number | null {
  const parentId = optionalString(input, 'parent_id');
  return typeof parentId === 'string' ? state.requireGroup(parentId).n : null;
}

function createGroup({ state, body }: RouteContext): RouteResult {
  const input = asObject(body);
  const name = requiredName(input);
  const parentN = parentFrom(state, input);
  const group: GroupRecord = { n: state.store.next.group++, name, parentN, childNs: [] };
  state.store.addGroup(group);
  const json = groupJson(state.store, group);
  return created(json);
}

/**
 * Reproduces Level's gotcha: `parent_id` omitted or null moves the group to the root, so a
 * rename-only PATCH that forgets to resend the parent silently re-homes the group.
 */
function updateGroup({ state, param, body }: RouteContext): RouteResult {
  const group = state.requireGroup(param);
  const input = asObject(body);
  const name = input.name === undefined ? undefined : requiredName(input);
  const parentN = parentFrom(state, input);
  if (parentN !== null && state.store.subtree(group.n).some((g) => g.n === parentN)) {
    throw unprocessable('A group cannot be moved into itself or one of its descendants');
  }
  const customFields = customFieldOverrides(state, input);
  if (name !== undefined) group.name = name;
  for (const [fieldN, value] of customFields) {
    const values = state.store.cfValues.get(fieldN);
    if (value === null) values?.delete(`g${group.n}`);
    else values?.set(`g${group.n}`, value);
  }
  // A move announces itself (group_updated, with every other edit already applied).
  if (group.parentN !== parentN) state.store.reparentGroup(group, parentN);
  else state.store.groupUpdated(group);
  return ok(groupJson(state.store, group));
}

/** Undocumented but used live: `{"custom_fields": {"<field name>": "<value>" | null}}`. */
function customFieldOverrides(state: SimulatorState, input: Body): [number, string | null][] {
  const raw = input.custom_fields;
  if (raw === undefined) return [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw badRequest('custom_fields must be an object');
  return Object.entries(raw).map(([name, value]) => {
    const field = state.store.customFields.find((f) => f.name === name);
    if (!field) throw unprocessable(`Unknown custom field: ${name}`);
    if (value !== null && typeof value !== 'string')
      throw badRequest(`custom_fields.${name} must be a string or null`);
    return [field.n, value];
  });
}

/** Deleting a group ungroups its direct devices and turns its child groups into root groups. */
function deleteGroup({ state, param }: RouteContext): RouteResult {
  const group = state.requireGroup(param);
  const snapshot = groupJson(state.store, group);
  state.store.removeGroup(group);
  return ok(snapshot);
}

function assignDevices({ state, param, body }: RouteContext): RouteResult {
  const group = state.requireGroup(param);
  const devices = deviceIdList(asObject(body)).map((id) => state.requireDevice(id));
  for (const device of devices) state.store.moveDevice(device, group.n);
  return ok({ group: groupJson(state.store, group) });
}

/** Devices listed but not in this group are left alone. */
function unassignDevices({ state, param, body }: RouteContext): RouteResult {
  const group = state.requireGroup(param);
  const devices = deviceIdList(asObject(body)).map((id) => state.requireDevice(id));
  for (const device of devices) if (device.groupN === group.n) state.store.moveDevice(device, null);
  return ok(groupJson(state.store, group));
}

export const groupRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v2/groups', handler: listGroups },
  { method: 'POST', path: '/v2/groups', handler: createGroup },
  {
    method: 'GET',
    path: '/v2/groups/{id}',
    handler: ({ state, param }) => ok(groupJson(state.store, state.requireGroup(param))),
  },
  { method: 'PATCH', path: '/v2/groups/{id}', handler: updateGroup },
  { method: 'DELETE', path: '/v2/groups/{id}', handler: deleteGroup },
  { method: 'POST', path: '/v2/groups/{id}/devices', handler: assignDevices },
  { method: 'DELETE', path: '/v2/groups/{id}/devices', handler: unassignDevices },
];
