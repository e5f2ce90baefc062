import type { Store } from '@/lib/db/open';
import type { ShareLinkTable } from '@/lib/db/schema';
import type { ReportPeriod } from '@/lib/domain/report';
import { scopeSchema, type LinkScope as Scope } from '@/lib/domain/scope';
import type { ShareLink } from '@/lib/domain/share-link';
import { storedWallSettings, type WallSettings } from '@/lib/domain/wall-settings';
import type { Selectable } from 'kysely';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import 'server-only';
import { z } from 'zod';

export type { ShareLink };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type Row = Selectable<ShareLinkTable>;

const periodSchema = z.object({ start: z.number().int(), end: z.number().int() });

/** A report link without a readable period opens nothing (an empty period: start = end = 0). */
function reportPeriodOf(stored: string | null): ReportPeriod {
  let raw: unknown = null;
  try {
    raw = stored ? JSON.parse(stored) : null;
  } catch {
    // an unreadable period is no period
  }
  const parsed = periodSchema.safeParse(raw);
  return parsed.success ? parsed.data : { start: 0, end: 0 };
}

function toLink(row: Row): ShareLink {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    scope: scopeSchema.parse(JSON.parse(row.scope)),
    redact: row.redact === 1,
    wall:
      row.kind === 'wall' ? storedWallSettings(row.wall_settings ? JSON.parse(row.wall_settings) : {}) : null,
    reportPeriod: row.kind === 'report' ? reportPeriodOf(row.report_period) : null,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    useCount: row.use_count,
  };
}

export function isUsable(link: ShareLink, now = Date.now()): boolean {
  return link.revokedAt === null && (link.expiresAt === null || link.expiresAt > now);
}

export interface NewShareLink {
  name: string;
  kind: 'viewer' | 'wall' | 'report';
  scope: Scope;
  redact: boolean;
  expiresAt: number | null;
  wall?: WallSettings;
  /** Report links: the period of the report it opens. */
  reportPeriod?: ReportPeriod;
}

/** Creates a link; the token (256 random bits) is returned once and only its hash is stored. */
export async function createShareLink(
  store: Store,
  input: NewShareLink,
  now = Date.now(),
): Promise<{ link: ShareLink; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  await store.db
    .insertInto('share_links')
    .values({
      id,
      name: input.name,
      token_hash: hashToken(token),
      kind: input.kind,
      scope: JSON.stringify(input.scope),
      redact: input.redact ? 1 : 0,
      wall_settings: input.wall === undefined ? null : JSON.stringify(input.wall),
      report_period:
        input.kind === 'report' && input.reportPeriod ? JSON.stringify(input.reportPeriod) : null,
      created_at: now,
      expires_at: input.expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
  const link = await findShareLink(store, id);
  if (!link) throw new Error('share link vanished after insert');
  return { link, token };
}

export async function findShareLink(store: Store, id: string): Promise<ShareLink | null> {
  const row = await store.db.selectFrom('share_links').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toLink(row) : null;
}

/**
 * Looks a presented token up by its hash. Any string is hashed and looked up the same way, so a
 * malformed token costs exactly what a wrong one does.
 */
export async function findByToken(store: Store, token: string): Promise<ShareLink | null> {
  const row = await store.db
    .selectFrom('share_links')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row ? toLink(row) : null;
}

export async function recordUse(store: Store, id: string, now = Date.now()): Promise<void> {
  await store.db
    .updateTable('share_links')
    .set((eb) => ({ last_used_at: now, use_count: eb('use_count', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function listShareLinks(store: Store): Promise<ShareLink[]> {
  const rows = await store.db.selectFrom('share_links').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map(toLink);
}

export async function revokeShareLink(store: Store, id: string, now = Date.now()): Promise<boolean> {
  const result = await store.db
    .updateTable('share_links')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Replaces a wall link's settings; false when no such link is still usable as a wall link. */
export async function updateWallSettings(
  store: Store,
  id: string,
  wall: WallSettings,
  now = Date.now(),
): Promise<boolean> {
  const result = await store.db
    .updateTable('share_links')
    .set({ wall_settings: JSON.stringify(wall) })
    .where('id', '=', id)
    .where('kind', '=', 'wall')
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
