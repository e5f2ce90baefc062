import { auditRequest } from '@/lib/api/audit-request';
import { parseBody } from '@/lib/api/body';
import { checkScopeGroups } from '@/lib/api/check-scope';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { getStore } from '@/lib/db/instance';
import type { Store } from '@/lib/db/open';
import { InvalidInputError, NotFoundError } from '@/lib/domain/errors';
import type { RuleView } from '@/lib/domain/notification-rules';
import { ruleDefinitionSchema, type RuleDefinition } from '@/lib/domain/notifications';
import { createRule, deleteRule, getRule, listRules, updateRule, type Rule } from '@/lib/notify/rule-store';
import 'server-only';
import { z } from 'zod';

// Settings → Notifications → Rules (admin only). A rule names channels and client groups by id; both
// must exist when it is saved, so a typo never becomes a rule that silently sends nowhere.

function definitionView(definition: RuleDefinition): RuleDefinition {
  return {
    name: definition.name,
    enabled: definition.enabled,
    events: definition.events,
    scope:
      definition.scope.kind === 'fleet'
        ? { kind: 'fleet' }
        : { kind: 'groups', groupIds: definition.scope.groupIds },
    severities: definition.severities,
    roles: definition.roles,
    healthBelow: definition.healthBelow,
    delayMinutes: definition.delayMinutes,
    groupSeconds: definition.groupSeconds,
    repeatMinutes: definition.repeatMinutes,
    recovery: definition.recovery,
    timeZone: definition.timeZone,
    businessHours: definition.businessHours
      ? {
          days: definition.businessHours.days,
          start: definition.businessHours.start,
          end: definition.businessHours.end,
        }
      : null,
    quietHours: definition.quietHours
      ? { start: definition.quietHours.start, end: definition.quietHours.end }
      : null,
    channelIds: definition.channelIds,
  };
}

const ruleView = (rule: Rule): RuleView => ({
  id: rule.id,
  definition: definitionView(rule.definition),
  createdAt: rule.createdAt,
  updatedAt: rule.updatedAt,
});

/** Every channel a rule names must exist (one query for all of them). */
async function checkChannels(store: Store, ids: readonly string[]): Promise<void> {
  const found = await store.db
    .selectFrom('notification_channels')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const known = new Set(found.map((row) => row.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined)
    throw new InvalidInputError(`Invalid field "channelIds": no channel "${unknown}".`);
}

async function checkReferences(store: Store, definition: RuleDefinition): Promise<void> {
  checkScopeGroups(definition.scope);
  await checkChannels(store, definition.channelIds);
}

async function mustGet(store: Store, id: string): Promise<Rule> {
  const rule = await getRule(store, id);
  if (!rule) throw new NotFoundError(`No rule with id "${id}".`);
  return rule;
}

export const listRulesRoute = route(
  'admin.notifications.rules.list',
  async () => {
    const store = await getStore();
    return json({ rules: (await listRules(store)).map(ruleView) });
  },
  { access: 'admin' },
);

export const createRuleRoute = route(
  'admin.notifications.rules.create',
  async (request, _params, access) => {
    const definition = await parseBody(request, ruleDefinitionSchema);
    const store = await getStore();
    await checkReferences(store, definition);
    const rule = await createRule(store, definition);
    await auditRequest(store, access, request, {
      action: 'notification_rule.create',
      target: rule.id,
      detail: { definition: definitionView(rule.definition) },
    });
    return json({ rule: ruleView(rule) }, 201);
  },
  { access: 'admin' },
);

/** A change: the fields given replace the stored ones, and the result must be a whole valid rule. */
const patchOf = (before: RuleDefinition) =>
  z.preprocess(
    (body) =>
      body !== null && typeof body === 'object' && !Array.isArray(body)
        ? Object.assign({}, before, body)
        : body,
    ruleDefinitionSchema,
  );

export const updateRuleRoute = route(
  'admin.notifications.rules.update',
  async (request, params, access) => {
    const store = await getStore();
    const before = await mustGet(store, params.id ?? '');
    const definition = await parseBody(request, patchOf(before.definition));
    await checkReferences(store, definition);
    const after = await updateRule(store, before.id, definition);
    await auditRequest(store, access, request, {
      action: 'notification_rule.update',
      target: before.id,
      detail: { before: definitionView(before.definition), after: definitionView(after.definition) },
    });
    return json({ rule: ruleView(after) });
  },
  { access: 'admin' },
);

export const deleteRuleRoute = route(
  'admin.notifications.rules.delete',
  async (request, params, access) => {
    const store = await getStore();
    const rule = await mustGet(store, params.id ?? '');
    await deleteRule(store, rule.id);
    await auditRequest(store, access, request, {
      action: 'notification_rule.delete',
      target: rule.id,
      detail: { name: rule.definition.name },
    });
    return json({ ok: true });
  },
  { access: 'admin' },
);
