import { arraySource, listBody, paginate, parsePageParams } from '@/simulator/pagination';
import { oneOf } from '@/simulator/query';
import { ok, type RouteContext, type RouteDef, type RouteResult } from '@/simulator/route-types';
import { alertJson } from '@/simulator/serialize';
import { byN } from '@/simulator/sorted';
import type { AlertRecord } from '@/simulator/types';

function listAlerts({ state, query }: RouteContext): RouteResult {
  const params = parsePageParams(query, 'Alert');
  const status = oneOf(query, 'status', ['active', 'resolved'] as const);
  const deviceId = query.get('device_id');
  const source =
    deviceId === null ? state.store.alerts : state.store.alertsOfDevice(state.requireDevice(deviceId).n);
  // No status → both active and resolved, as the reference infers.
  const accept = status === null ? undefined : (a: AlertRecord) => a.resolved === (status === 'resolved');
  return ok(listBody(paginate(arraySource(source, byN), params, accept), alertJson));
}

function resolveAlert({ state, param }: RouteContext): RouteResult {
  const alert = state.resolveAlert(param);
  return ok(alert);
}

export const alertRoutes: readonly RouteDef[] = [
  { method: 'GET', path: '/v2/alerts', handler: listAlerts },
  {
    method: 'GET',
    path: '/v2/alerts/{id}',
    handler: ({ state, param }) => ok(alertJson(state.requireAlert(param))),
  },
  { method: 'POST', path: '/v2/alerts/{id}/resolve', handler: resolveAlert },
];
