import { asObject } from '@/simulator/body';
import { ApiError, badRequest, notFound } from '@/simulator/errors';
import { encodeId, idNumber } from '@/simulator/ids';
import { arraySource, listBody, paginate, parsePageParams } from '@/simulator/pagination';
import { flag } from '@/simulator/query';
import { ok, type RouteContext, type RouteDef, type RouteResult } from '@/simulator/route-types';
import { createRuns, runJson } from '@/simulator/runs';
import { automationJson, webhookJson } from '@/simulator/serialize';
import { byN } from '@/simulator/sorted';
import type { AutomationRecord, DeviceRecord } from '@/simulator/types';

/** Webhook items carry no id of their own; they page by `automation_id`. */
function listWebhooks({ state, query, origin }: RouteContext): RouteResult {
  const params = parsePageParams(query, 'Automation');
  const page = paginate(
    arraySource(state.store.automations, byN),
    params,
    (a: AutomationRecord) => a.webhook !== null,
  );
  return ok(listBody(page, (a) => webhookJson(origin, a)));
}

/**
 * A trigger that requires the authorization header needs the read-write key (missing/wrong → 401,
 * read-only → 403); any other trigger runs on the token alone. Answers 200
 * `{"automation_run_ids": [...]}` — one run per device, or one device-less run without device_ids.
 */
function triggerWebhook({ state, param, body, access }: RouteContext): RouteResult {
  const automation = state.store.automationByToken(param);
  if (!automation?.webhook) throw notFound('Not found');
  if (automation.webhook.requiresAuth && access === null) throw new ApiError(401, 'Access denied');
  if (automation.webhook.requiresAuth && access === 'ro')
    throw new ApiError(403, 'This API key is read-only');
  const { device_ids: ids, ...rest } = asObject(body);
  let devices: (DeviceRecord | null)[] = [null];
  if (ids !== undefined) {
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
      throw badRequest('device_ids must be a non-empty array of device ids');
    }
    devices = ids.map((id) => state.requireDevice(id));
  }
  const variables = Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
  const runs = createRuns(
    state.store,
    state.rng,
    automation,
    devices,
    variables,
    state.now(),
    state.isFrozen(),
  );
  return ok({ automation_run_ids: runs.map((r) => encodeId('AutomationRun', r.n)) });
}

function showRun({ state, param, query }: RouteContext): RouteResult {
  const run = state.store.runs.get(idNumber(param, 'AutomationRun') ?? -1);
  if (!run) throw notFound('Automation run not found');
  return ok(runJson(state.store, run, flag(query, 'include_steps')));
}

export const automationRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v2/automations',
    handler: ({ state, query }) =>
      ok(
        listBody(
          paginate(arraySource(state.store.automations, byN), parsePageParams(query, 'Automation')),
          (a) => automationJson(state.store, a),
        ),
      ),
  },
  { method: 'GET', path: '/v2/automations/webhooks', handler: listWebhooks },
  { method: 'POST', path: '/v2/automations/webhooks/{token}', auth: 'handler', handler: triggerWebhook },
  { method: 'GET', path: '/v2/automation-runs/{id}', handler: showRun },
];
