import type { Store } from '@/lib/db/open';
import { silentAfterMs, type Heartbeat } from '@/lib/domain/heartbeat';
import type { WallLinkState, WallScreenView } from '@/lib/domain/wall';
import 'server-only';
import { z } from 'zod';

// Last contact per wall screen. A screen id is chosen by the browser, so a link's screens are
// capped: a new one past the cap replaces the longest-silent screen of that link.

export const MAX_SCREENS_PER_LINK = 50;

export interface HeartbeatRecord extends Heartbeat {
  /** The wall link, or null for the admin's own session. */
  linkId: string | null;
  ip: string | null;
  userAgent: string | null;
}

const detailSchema = z.object({
  view: z.string().nullable().catch(null),
  build: z.string().nullable().catch(null),
  viewport: z.string().nullable().catch(null),
  uptimeSeconds: z.number().nullable().catch(null),
  heartbeatSeconds: z.number().nullable().catch(null),
  wakeLock: z.string().nullable().catch(null),
  lastReload: z.string().nullable().catch(null),
});

export const wallScreenId = (linkId: string | null, screenId: string) => `${linkId ?? 'admin'}:${screenId}`;

export async function recordHeartbeat(store: Store, beat: HeartbeatRecord, now = Date.now()): Promise<void> {
  const id = wallScreenId(beat.linkId, beat.screenId);
  const detail = JSON.stringify({
    view: beat.view,
    build: beat.build,
    viewport: beat.viewport,
    uptimeSeconds: beat.uptimeSeconds,
    heartbeatSeconds: beat.heartbeatSeconds,
    wakeLock: beat.wakeLock,
    lastReload: beat.lastReload,
  });
  const seen = { name: beat.name, last_seen_at: now, ip: beat.ip, user_agent: beat.userAgent, detail };
  const updated = await store.db
    .updateTable('wall_screens')
    .set(seen)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await store.db.transaction().execute(async (trx) => {
    const sameLink = trx.selectFrom('wall_screens').select(['id']);
    const others = await (
      beat.linkId === null
        ? sameLink.where('link_id', 'is', null)
        : sameLink.where('link_id', '=', beat.linkId)
    )
      .orderBy('last_seen_at', 'desc')
      .execute();
    const excess = others.slice(MAX_SCREENS_PER_LINK - 1).map((row) => row.id);
    if (excess.length > 0) await trx.deleteFrom('wall_screens').where('id', 'in', excess).execute();
    await trx
      .insertInto('wall_screens')
      .values({ id, link_id: beat.linkId, screen_id: beat.screenId, first_seen_at: now, ...seen })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(seen))
      .execute();
  });
}

function linkState(
  link: { name: string | null; revoked_at: number | null; expires_at: number | null },
  linkId: string | null,
  now: number,
): WallLinkState {
  if (linkId === null) return 'admin';
  if (link.name === null) return 'deleted';
  if (link.revoked_at !== null) return 'revoked';
  if (link.expires_at !== null && link.expires_at <= now) return 'expired';
  return 'active';
}

/** Every known screen, most recently heard first, with its link and whether it has gone silent. */
export async function listWallScreens(
  store: Store,
  serverBuild: string,
  now = Date.now(),
): Promise<WallScreenView[]> {
  const rows = await store.db
    .selectFrom('wall_screens as w')
    .leftJoin('share_links as l', 'l.id', 'w.link_id')
    .select([
      'w.id',
      'w.link_id',
      'w.screen_id',
      'w.name',
      'w.first_seen_at',
      'w.last_seen_at',
      'w.ip',
      'w.user_agent',
      'w.detail',
      'l.name as link_name',
      'l.revoked_at',
      'l.expires_at',
    ])
    .orderBy('w.last_seen_at', 'desc')
    .execute();
  return rows.map((row) => {
    const detail = detailOf(row.detail);
    return {
      id: row.id,
      linkId: row.link_id,
      linkName: row.link_name,
      linkState: linkState(
        { name: row.link_name, revoked_at: row.revoked_at, expires_at: row.expires_at },
        row.link_id,
        now,
      ),
      screenId: row.screen_id,
      name: row.name,
      firstSeenAt: row.first_seen_at,
      lastSeenAt: row.last_seen_at,
      silent: now - row.last_seen_at > silentAfterMs(detail.heartbeatSeconds),
      outdated: detail.build !== null && detail.build !== serverBuild,
      ip: row.ip,
      userAgent: row.user_agent,
      view: detail.view,
      build: detail.build,
      viewport: detail.viewport,
      uptimeSeconds: detail.uptimeSeconds,
      wakeLock: detail.wakeLock,
      lastReload: detail.lastReload,
    };
  });
}

function detailOf(text: string): z.infer<typeof detailSchema> {
  let raw: unknown = {};
  try {
    raw = JSON.parse(text);
  } catch {
    // An unreadable detail only loses the extras; the row still lists.
  }
  const parsed = detailSchema.safeParse(raw);
  return parsed.success ? parsed.data : detailSchema.parse({});
}

export async function forgetWallScreen(store: Store, id: string): Promise<boolean> {
  const result = await store.db.deleteFrom('wall_screens').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
