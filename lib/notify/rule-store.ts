import type { Store } from '@/lib/db/open';
import { NotFoundError } from '@/lib/domain/errors';
import {
  ruleDefinitionSchema,
  type RuleDefinition,
  type RuleDefinitionInput,
} from '@/lib/domain/notifications';
import { randomUUID } from 'node:crypto';
import 'server-only';

// Notification rules on both engines. A stored definition is parsed again on every read, so a rule
// written by an older version gains the defaults of fields added since.

export interface Rule {
  id: string;
  definition: RuleDefinition;
  createdAt: number;
  updatedAt: number;
}

function ruleOf(row: {
  id: string;
  definition: string;
  created_at: number;
  updated_at: number;
}): Rule | null {
  const parsed = ruleDefinitionSchema.safeParse(JSON.parse(row.definition));
  if (!parsed.success) return null;
  return { id: row.id, definition: parsed.data, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Every rule, oldest first; a row that no longer parses is skipped (and never sends). */
export async function listRules(store: Store): Promise<Rule[]> {
  const rows = await store.db
    .selectFrom('notification_rules')
    .select(['id', 'definition', 'created_at', 'updated_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.flatMap((row) => ruleOf(row) ?? []);
}

export async function getRule(store: Store, id: string): Promise<Rule | null> {
  const row = await store.db
    .selectFrom('notification_rules')
    .select(['id', 'definition', 'created_at', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? ruleOf(row) : null;
}

/** Validates (throws zod's error on bad input) and stores a new rule. */
export async function createRule(store: Store, input: RuleDefinitionInput, now = Date.now()): Promise<Rule> {
  const definition = ruleDefinitionSchema.parse(input);
  const id = randomUUID();
  await store.db
    .insertInto('notification_rules')
    .values({
      id,
      name: definition.name,
      enabled: definition.enabled ? 1 : 0,
      definition: JSON.stringify(definition),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, definition, createdAt: now, updatedAt: now };
}

/** Replaces a rule's definition; its open incidents stay (a changed rule does not re-announce them). */
export async function updateRule(
  store: Store,
  id: string,
  input: RuleDefinitionInput,
  now = Date.now(),
): Promise<Rule> {
  const definition = ruleDefinitionSchema.parse(input);
  const result = await store.db
    .updateTable('notification_rules')
    .set({
      name: definition.name,
      enabled: definition.enabled ? 1 : 0,
      definition: JSON.stringify(definition),
      updated_at: now,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('No such rule');
  const rule = await getRule(store, id);
  if (!rule) throw new NotFoundError('No such rule');
  return rule;
}

/** Deletes a rule with its incidents; messages already in the outbox still go out. */
export async function deleteRule(store: Store, id: string): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('notification_rules').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new NotFoundError('No such rule');
    await trx.deleteFrom('notification_incidents').where('rule_id', '=', id).execute();
  });
}
