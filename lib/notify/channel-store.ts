import { decryptSecret, encryptSecret } from '@/lib/auth/key-vault';
import type { Store } from '@/lib/db/open';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/domain/errors';
import {
  CHANNEL_SCHEMAS,
  channelCreateSchema,
  channelUpdateSchema,
  type ChannelCreateInput,
  type ChannelUpdateInput,
  type ChannelView,
} from '@/lib/domain/notification-channels';
import type { ChannelKind } from '@/lib/domain/notifications';
import type { ChannelForSending } from '@/lib/notify/channels/driver';
import { randomUUID } from 'node:crypto';
import 'server-only';
import type { z } from 'zod';

// Notification channels on both engines. The trap this file avoids: a channel's secret (a webhook
// URL is its own password) leaving the server. It is sealed with the key vault as JSON of the
// kind's secret fields, unsealed only by loadChannelForSending, and a ChannelView carries only
// `secretSet`. An update without a secret keeps the stored one.

interface Row {
  id: string;
  name: string;
  kind: ChannelKind;
  config: string;
  secret: string | null;
  enabled: number;
  rate_per_minute: number;
  created_at: number;
  updated_at: number;
}

/** zod's first problem as the API's 400, naming the field under `config` or `secret`. */
function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: 'config' | 'secret' | null,
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = [...(prefix ? [prefix] : []), ...(issue?.path ?? [])].join('.') || 'body';
  throw new InvalidInputError(`Invalid field "${field}": ${issue?.message ?? 'invalid value'}.`);
}

/** Sealed JSON of the secret fields, or null when none is filled in (an optional password left empty). */
function seal(secret: Record<string, unknown>): string | null {
  const filled = Object.values(secret).some((value) => typeof value === 'string' && value !== '');
  return filled ? encryptSecret(JSON.stringify(secret)) : null;
}

function configOf(row: Row): Record<string, unknown> {
  const raw: unknown = JSON.parse(row.config);
  const parsed = CHANNEL_SCHEMAS[row.kind].config.safeParse(raw);
  // A config an older version wrote is shown as stored; sending reports what is wrong with it.
  if (parsed.success) return parsed.data as Record<string, unknown>;
  return raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
}

function viewOf(row: Row): ChannelView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    config: configOf(row),
    secretSet: row.secret !== null,
    enabled: row.enabled === 1,
    ratePerMinute: row.rate_per_minute,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

const COLUMNS = [
  'id',
  'name',
  'kind',
  'config',
  'secret',
  'enabled',
  'rate_per_minute',
  'created_at',
  'updated_at',
] as const;

async function rowOf(store: Store, id: string): Promise<Row | undefined> {
  return store.db.selectFrom('notification_channels').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function listChannels(store: Store): Promise<ChannelView[]> {
  const rows = await store.db
    .selectFrom('notification_channels')
    .select(COLUMNS)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(viewOf);
}

export async function getChannel(store: Store, id: string): Promise<ChannelView | null> {
  const row = await rowOf(store, id);
  return row ? viewOf(row) : null;
}

export async function channelExists(store: Store, id: string): Promise<boolean> {
  const row = await store.db
    .selectFrom('notification_channels')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Validates against the kind's schemas (InvalidInputError naming the field) and stores it sealed. */
export async function createChannel(
  store: Store,
  input: ChannelCreateInput,
  now = Date.now(),
): Promise<ChannelView> {
  const parsed = parseWith(channelCreateSchema, input, null);
  const schemas = CHANNEL_SCHEMAS[parsed.kind];
  const config = parseWith(schemas.config, parsed.config, 'config');
  const secret = parseWith(schemas.secret, parsed.secret ?? {}, 'secret') as Record<string, unknown>;
  const row: Row = {
    id: randomUUID(),
    name: parsed.name,
    kind: parsed.kind,
    config: JSON.stringify(config),
    secret: seal(secret),
    enabled: parsed.enabled ? 1 : 0,
    rate_per_minute: parsed.ratePerMinute,
    created_at: now,
    updated_at: now,
  };
  await store.db.insertInto('notification_channels').values(row).execute();
  return viewOf(row);
}

/** Changes what is given; `config` is replaced whole, `secret` only when given. */
export async function updateChannel(
  store: Store,
  id: string,
  changes: ChannelUpdateInput,
  now = Date.now(),
): Promise<ChannelView> {
  const input = parseWith(channelUpdateSchema, changes, null);
  const before = await rowOf(store, id);
  if (!before) throw new NotFoundError(`No channel with id "${id}".`);
  const schemas = CHANNEL_SCHEMAS[before.kind];
  const set: Partial<Row> = { updated_at: now };
  if (input.name !== undefined) set.name = input.name;
  if (input.enabled !== undefined) set.enabled = input.enabled ? 1 : 0;
  if (input.ratePerMinute !== undefined) set.rate_per_minute = input.ratePerMinute;
  if (input.config !== undefined)
    set.config = JSON.stringify(parseWith(schemas.config, input.config, 'config'));
  if (input.secret !== undefined)
    set.secret = seal(parseWith(schemas.secret, input.secret, 'secret') as Record<string, unknown>);
  await store.db.updateTable('notification_channels').set(set).where('id', '=', id).execute();
  const after = await rowOf(store, id);
  if (!after) throw new NotFoundError(`No channel with id "${id}".`);
  return viewOf(after);
}

/** Names of the rules that send to this channel (read from their stored definitions). */
export async function rulesUsingChannel(store: Store, id: string): Promise<{ id: string; name: string }[]> {
  const rows = await store.db.selectFrom('notification_rules').select(['id', 'name', 'definition']).execute();
  return rows
    .filter((row) => {
      try {
        const ids = (JSON.parse(row.definition) as { channelIds?: unknown }).channelIds;
        return Array.isArray(ids) && ids.includes(id);
      } catch {
        return false;
      }
    })
    .map((row) => ({ id: row.id, name: row.name }));
}

/**
 * Deletes a channel no rule sends to (409 naming the rules otherwise, so a rule never points at
 * nothing). Its delivery log rows stay; pending ones fail when their turn comes.
 */
export async function deleteChannel(store: Store, id: string): Promise<ChannelView> {
  const row = await rowOf(store, id);
  if (!row) throw new NotFoundError(`No channel with id "${id}".`);
  const users = await rulesUsingChannel(store, id);
  if (users.length > 0)
    throw new ConflictError(
      'channel_in_use',
      `Rules send to this channel: ${users.map((rule) => `"${rule.name}"`).join(', ')}. Remove it from them first.`,
    );
  await store.db.deleteFrom('notification_channels').where('id', '=', id).execute();
  return viewOf(row);
}

/** The channel with its secret unsealed, for the sender only; a secret sealed under another key is null. */
export async function loadChannelForSending(store: Store, id: string): Promise<ChannelForSending | null> {
  const row = await rowOf(store, id);
  if (!row) return null;
  let secret: unknown = {};
  if (row.secret !== null) {
    try {
      secret = JSON.parse(decryptSecret(row.secret));
    } catch {
      // Sealed under another SESSION_SECRET: unusable; the driver guard fails the send and says so.
      secret = null;
    }
  }
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    config: JSON.parse(row.config),
    secret,
    enabled: row.enabled === 1,
    ratePerMinute: row.rate_per_minute,
  };
}
