import { asObject, deviceIdList, requiredName } from '@/simulator/body';
import { unprocessable } from '@/simulator/errors';
import { arraySource, listBody, paginate, parsePageParams } from '@/simulator/pagination';
import { created, ok, type RouteContext, type RouteDef, type RouteResult } from '@/simulator/route-types';
import { tagJson } from '@/simulator/serialize';
import { byN } from '@/simulator/sorted';
import type { SimulatorState } from '@/simulator/state';
import type { TagRecord } from '@/simulator/types';

function listTags({ state, query }: RouteContext): RouteResult {
  const params = parsePageParams(query, 'Tag');
  const deviceId = query.get('device_id');
  const source =
    deviceId === null
      ? state.store.tags
      : state
          .requireDevice(deviceId)
          .tagNs.flatMap((n) => state.store.tag(n) ?? [])
          .sort((a, b) => a.n - b.n);
  return ok(listBody(paginate(arraySource(source, byN), params), tagJson));
}

function assertUniqueName(state: SimulatorState, name: string, except?: TagRecord): void {
  const taken = state.store.tags.some((t) => t !== except && t.name.toLowerCase() === name.toLowerCase());
  if (taken) throw unprocessable('Name has already been taken');
}

function createTag({ state, body }: RouteContext): RouteResult {
  const name = requiredName(asObject(body));
  assertUniqueName(state, name);
  const tag: TagRecord = { n: state.store.next.tag++, name, devices: [] };
  state.store.addTag(tag);
  const json = tagJson(tag);
  return created(json);
}

function renameTag({ state, param, body }: RouteContext): RouteResult {
  const tag = state.requireTag(param);
  const input = asObject(body);
  if (input.name !== undefined) {
    const name = requiredName(input);
    assertUniqueName(state, name, tag);
    tag.name = name;
  }
  return ok(tagJson(tag));
}

function deleteTag({ state, param }: RouteContext): RouteResult {
  const tag = state.requireTag(param);
  const snapshot = tagJson(tag);
  state.store.removeTag(tag);
  return ok(snapshot);
}

/** 422 when the call would change nothing (all already tagged / none tagged), as seen live. */
function changeTagging(apply: boolean) {
  return ({ state, param, body }: RouteContext): RouteResult => {
    const tag = state.requireTag(param);
    const devices = deviceIdList(asObject(body)).map((id) => state.requireDevice(id));
    const affected = devices.filter((d) => d.tagNs.includes(tag.n) !== apply);
    if (affected.length === 0) {
      throw unprocessable(
        apply ? 'Tag is already applied to these devices' : 'Tag is not applied to these devices',
      );
    }
    for (const device of affected) {
      if (apply) state.store.tagDevice(device, tag);
      else state.store.untagDevice(device, tag);
    }
    return ok(tagJson(tag));
  };
}

export const tagRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v2/tags', handler: listTags },
  { method: 'POST', path: '/v2/tags', handler: createTag },
  {
    method: 'GET',
    path: '/v2/tags/{id}',
    handler: ({ state, param }) => ok(tagJson(state.requireTag(param))),
  },
  { method: 'PATCH', path: '/v2/tags/{id}', handler: renameTag },
  { method: 'DELETE', path: '/v2/tags/{id}', handler: deleteTag },
  { method: 'POST', path: '/v2/tags/{id}/devices', handler: changeTagging(true) },
  { method: 'DELETE', path: '/v2/tags/{id}/devices', handler: changeTagging(false) },
];
