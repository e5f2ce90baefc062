import type { Store } from '@/lib/db/open';
import type { DeviceSecurity } from '@/lib/domain/device';
import type { DevicePatchSummary, PostureFigures, PosturePoint } from '@/lib/domain/posture';
import 'server-only';

// `device_posture` keeps Level's security object as sent (mapped) and the patch summary; both are
// JSON text on both engines. Unknown members a newer Level adds are dropped by the Level schema
// before they get here, and a missing one is stored as null.

export interface StoredPosture {
  deviceId: string;
  security: DeviceSecurity | null;
  securitySyncedAt: number | null;
  patches: DevicePatchSummary | null;
  patchesSyncedAt: number | null;
}

const parse = <T>(text: string | null): T | null => {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
};

/** Rows written a moment apart in one statement keep a walk's page to one round trip. */
export async function writeSecurity(
  store: Store,
  rows: ReadonlyArray<{ deviceId: string; security: DeviceSecurity | null }>,
  at: number,
): Promise<void> {
  if (rows.length === 0) return;
  await store.db
    .insertInto('device_posture')
    .values(
      rows.map((r) => ({
        device_id: r.deviceId,
        security: r.security === null ? null : JSON.stringify(r.security),
        security_synced_at: at,
        patches: null,
        patches_synced_at: null,
      })),
    )
    .onConflict((c) =>
      c.column('device_id').doUpdateSet((eb) => ({
        security: eb.ref('excluded.security'),
        security_synced_at: eb.ref('excluded.security_synced_at'),
      })),
    )
    .execute();
}

export async function writePatches(
  store: Store,
  deviceId: string,
  patches: DevicePatchSummary,
  at: number,
): Promise<void> {
  await store.db
    .insertInto('device_posture')
    .values({
      device_id: deviceId,
      security: null,
      security_synced_at: null,
      patches: JSON.stringify(patches),
      patches_synced_at: at,
    })
    .onConflict((c) =>
      c.column('device_id').doUpdateSet({ patches: JSON.stringify(patches), patches_synced_at: at }),
    )
    .execute();
}

/**
 * Every stored row, or (with `changedAfter`) only those written after that instant, so a
 * replica's in-memory copy is refreshed incrementally.
 */
export async function readPostures(store: Store, changedAfter?: number): Promise<StoredPosture[]> {
  let query = store.db.selectFrom('device_posture').selectAll();
  if (changedAfter !== undefined)
    query = query.where((eb) =>
      eb.or([eb('security_synced_at', '>', changedAfter), eb('patches_synced_at', '>', changedAfter)]),
    );
  const rows = await query.execute();
  return rows.map((row) => ({
    deviceId: row.device_id,
    security: parse<DeviceSecurity>(row.security),
    securitySyncedAt: row.security_synced_at === null ? null : Number(row.security_synced_at),
    patches: parse<DevicePatchSummary>(row.patches),
    patchesSyncedAt: row.patches_synced_at === null ? null : Number(row.patches_synced_at),
  }));
}

/** When each device's updates were last fetched (null = never), for the patch schedule. */
export async function readPatchTimes(store: Store): Promise<Map<string, number>> {
  const rows = await store.db
    .selectFrom('device_posture')
    .select(['device_id', 'patches_synced_at'])
    .where('patches_synced_at', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.device_id, Number(r.patches_synced_at)]));
}

/** The newest security walk's time (null before the first). */
export async function lastSecurityWalk(store: Store): Promise<number | null> {
  const row = await store.db
    .selectFrom('device_posture')
    .select((eb) => eb.fn.max('security_synced_at').as('t'))
    .executeTakeFirst();
  return row?.t === null || row?.t === undefined ? null : Number(row.t);
}

/** Drops rows of devices Level no longer lists. */
export async function deletePostures(store: Store, deviceIds: readonly string[]): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < deviceIds.length; i += 500) {
    const result = await store.db
      .deleteFrom('device_posture')
      .where('device_id', 'in', deviceIds.slice(i, i + 500))
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}

export const DAY_MS = 86_400_000;
export const utcDay = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;

/** Writes one sample per scope for the UTC day of `at`; a later sample the same day replaces it. */
export async function writePostureSamples(
  store: Store,
  samples: ReadonlyArray<{ scope: string; figures: PostureFigures }>,
  at: number,
): Promise<void> {
  if (samples.length === 0) return;
  const day = utcDay(at);
  for (let i = 0; i < samples.length; i += 200) {
    await store.db
      .insertInto('posture_samples')
      .values(
        samples
          .slice(i, i + 200)
          .map((s) => ({ scope: s.scope, day, t: at, figures: JSON.stringify(s.figures) })),
      )
      .onConflict((c) =>
        c
          .columns(['scope', 'day'])
          .doUpdateSet((eb) => ({
            t: eb.ref('excluded.t'),
            figures: eb.ref('excluded.figures'),
          }))
          // A late writer (a replica that led a moment ago) never replaces a newer sample.
          .where('posture_samples.t', '<=', at),
      )
      .execute();
  }
}

/** Days of `scope` whose UTC midnight falls in [start, end), oldest first. */
export async function readPostureSamples(
  store: Store,
  scope: string,
  start: number,
  end: number,
): Promise<PosturePoint[]> {
  const rows = await store.db
    .selectFrom('posture_samples')
    .select(['day', 'figures'])
    .where('scope', '=', scope)
    .where('day', '>=', utcDay(start))
    .where('day', '<', end)
    .orderBy('day')
    .execute();
  return rows.flatMap((r) => {
    const figures = parse<PostureFigures>(r.figures);
    return figures ? [{ day: Number(r.day), figures }] : [];
  });
}
