import { asObject, optionalBoolean, requiredName } from '@/simulator/body';
import { resolveTarget } from '@/simulator/custom-field-scope';
import { badRequest, notFound, unprocessable } from '@/simulator/errors';
import { idNumber } from '@/simulator/ids';
import { arraySource, listBody, paginate, parsePageParams } from '@/simulator/pagination';
import { created, ok, type RouteContext, type RouteDef, type RouteResult } from '@/simulator/route-types';
import { customFieldJson, customFieldValueJson } from '@/simulator/serialize';
import { byN } from '@/simulator/sorted';
import type { SimulatorState } from '@/simulator/state';
import type { CustomFieldRecord } from '@/simulator/types';

function requireField(state: SimulatorState, id: unknown): CustomFieldRecord {
  const field = state.store.customField(idNumber(id, 'CustomField') ?? -1);
  if (!field) throw notFound('Custom field not found');
  return field;
}

function assertUniqueName(state: SimulatorState, name: string, except?: CustomFieldRecord): void {
  if (state.store.customFields.some((f) => f !== except && f.name.toLowerCase() === name.toLowerCase())) {
    throw unprocessable('Name has already been taken');
  }
}

function createField({ state, body }: RouteContext): RouteResult {
  const input = asObject(body);
  const name = requiredName(input);
  assertUniqueName(state, name);
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const field: CustomFieldRecord = {
    n: state.store.next.customField++,
    name,
    reference: `cf_${slug}`,
    adminOnly: optionalBoolean(input, 'admin_only') ?? false,
  };
  state.store.addCustomField(field);
  const json = customFieldJson(field);
  state.log('custom_field.created', 'CustomField', String(json.id), `Created custom field ${name}`);
  return created(json);
}

/** `reference` stays put on rename (scripts use it); `default_value` is accepted and ignored, as live. */
function updateField({ state, param, body }: RouteContext): RouteResult {
  const field = requireField(state, param);
  const input = asObject(body);
  const name = input.name === undefined ? undefined : requiredName(input);
  const adminOnly = optionalBoolean(input, 'admin_only');
  if (name !== undefined) assertUniqueName(state, name, field);
  if (name !== undefined) field.name = name;
  if (adminOnly !== undefined) field.adminOnly = adminOnly;
  state.log('custom_field.updated', 'CustomField', param, `Updated custom field ${field.name}`);
  return ok(customFieldJson(field));
}

function deleteField({ state, param }: RouteContext): RouteResult {
  const field = requireField(state, param);
  state.store.removeCustomField(field);
  state.log('custom_field.deleted', 'CustomField', param, `Deleted custom field ${field.name}`);
  return ok(customFieldJson(field));
}

/**
 * Without assigned_to_id: organisation values only. With a device or group id: its effective values,
 * each reporting the `assigned_to_id` where the winning value is actually set. Cursor = custom_field_id.
 */
function listValues({ state, query }: RouteContext): RouteResult {
  const params = parsePageParams(query, 'CustomField');
  const assigned = query.get('assigned_to_id');
  const target = resolveTarget(state, assigned ?? undefined);
  const only = query.get('custom_field_id');
  const fields = only === null ? state.store.customFields : [requireField(state, only)];
  const items = fields.flatMap((field) => {
    const values = state.store.cfValues.get(field.n);
    const scope = target.chain.find((s) => values?.has(s.key));
    const value = scope && values?.get(scope.key);
    return scope && value !== undefined
      ? [{ n: field.n, json: customFieldValueJson(field, scope.id, value) }]
      : [];
  });
  return ok(listBody(paginate(arraySource(items, byN), params), (item) => item.json));
}

function setValue({ state, body }: RouteContext): RouteResult {
  const input = asObject(body);
  if (input.custom_field_id === undefined) throw badRequest('custom_field_id is required');
  const field = requireField(state, input.custom_field_id);
  if (typeof input.value !== 'string') throw badRequest('value is required and must be a string');
  const target = resolveTarget(state, input.assigned_to_id);
  const values = state.store.cfValues.get(field.n);
  if (optionalBoolean(input, 'force') === true) {
    for (const key of [...(values?.keys() ?? [])]) if (target.covers(key)) values?.delete(key);
  }
  values?.set(target.key, input.value);
  state.log('custom_field_value.updated', 'CustomField', String(input.custom_field_id), `Set ${field.name}`);
  return ok(customFieldValueJson(field, target.id, input.value));
}

function deleteValue({ state, body }: RouteContext): RouteResult {
  const input = asObject(body);
  if (input.custom_field_id === undefined) throw badRequest('custom_field_id is required');
  const field = requireField(state, input.custom_field_id);
  const target = resolveTarget(state, input.assigned_to_id);
  const values = state.store.cfValues.get(field.n);
  const previous = values?.get(target.key) ?? null;
  let removed = values?.delete(target.key) ?? false;
  if (optionalBoolean(input, 'force') === true) {
    for (const key of [...(values?.keys() ?? [])])
      if (target.covers(key)) removed = values?.delete(key) || removed;
  }
  if (!removed) throw notFound('Custom field value not found');
  state.log(
    'custom_field_value.deleted',
    'CustomField',
    String(input.custom_field_id),
    `Deleted ${field.name}`,
  );
  return ok(customFieldValueJson(field, target.id, previous));
}

export const customFieldRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v2/custom_fields',
    handler: ({ state, query }) =>
      ok(
        listBody(
          paginate(arraySource(state.store.customFields, byN), parsePageParams(query, 'CustomField')),
          customFieldJson,
        ),
      ),
  },
  { method: 'POST', path: '/v2/custom_fields', handler: createField },
  {
    method: 'GET',
    path: '/v2/custom_fields/{id}',
    handler: ({ state, param }) => ok(customFieldJson(requireField(state, param))),
  },
  { method: 'PATCH', path: '/v2/custom_fields/{id}', handler: updateField },
  { method: 'DELETE', path: '/v2/custom_fields/{id}', handler: deleteField },
  { method: 'GET', path: '/v2/custom_field_values', handler: listValues },
  { method: 'PATCH', path: '/v2/custom_field_values', handler: setValue },
  { method: 'DELETE', path: '/v2/custom_field_values', handler: deleteValue },
];
