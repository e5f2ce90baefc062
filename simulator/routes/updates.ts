import { notFound } from '@/simulator/errors';
import { idNumber } from '@/simulator/ids';
import { listBody, paginate, parsePageParams, type Source } from '@/simulator/pagination';
import { oneOf } from '@/simulator/query';
import { ok, type RouteContext, type RouteDef, type RouteResult } from '@/simulator/route-types';
import { byN, lowerBound, upperBound } from '@/simulator/sorted';
import type { FleetStore } from '@/simulator/store';
import type { DeviceRecord } from '@/simulator/types';
import { UPDATE_STRIDE, updateJson, updatesFor, type UpdateView } from '@/simulator/updates';

/** Walks devices in id order and expands each into its virtual updates (ids stay ascending). */
function updateSource(store: FleetStore, devices: readonly DeviceRecord[]): Source<UpdateView> {
  return {
    *after(key) {
      for (let i = lowerBound(devices, Math.floor(key / UPDATE_STRIDE), byN); i < devices.length; i++) {
        for (const update of updatesFor(store, devices[i] as DeviceRecord)) if (update.n > key) yield update;
      }
    },
    *before(key) {
      for (let i = upperBound(devices, Math.floor(key / UPDATE_STRIDE), byN) - 1; i >= 0; i--) {
        for (const update of updatesFor(store, devices[i] as DeviceRecord).reverse())
          if (update.n < key) yield update;
      }
    },
  };
}

function listUpdates({ state, query }: RouteContext): RouteResult {
  const params = parsePageParams(query, 'Update');
  const status = oneOf(query, 'status', ['available', 'installed'] as const);
  const category = query.get('category')?.toLowerCase();
  const deviceId = query.get('device_id');
  const devices = deviceId === null ? state.store.devices : [state.requireDevice(deviceId)];
  const accept = (u: UpdateView): boolean =>
    (status === null || u.available === (status === 'available')) &&
    (category === undefined || u.template.category.toLowerCase() === category);
  return ok(listBody(paginate(updateSource(state.store, devices), params, accept), updateJson));
}

function showUpdate({ state, param }: RouteContext): RouteResult {
  const n = idNumber(param, 'Update') ?? -1;
  const device = state.store.device(Math.floor(n / UPDATE_STRIDE));
  const update = device && updatesFor(state.store, device).find((u) => u.n === n);
  if (!update) throw notFound('Update not found');
  return ok(updateJson(update));
}

export const updateRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v2/updates', handler: listUpdates },
  { method: 'GET', path: '/v2/updates/{id}', handler: showUpdate },
];
