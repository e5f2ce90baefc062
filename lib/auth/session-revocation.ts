import type { Store } from '@/lib/db/open';
import 'server-only';

// Which sealed session cookies no longer count, although their seal and age are fine: sessions
// ended by logout (by id) and every admin session issued before the last "sign out everywhere"
// (a generation number). The polled routes check this on every request, so it is answered from
// memory; the memory is reloaded from the database at most every `refreshMs`, which is how other
// replicas sharing the database learn of an ending within 2 s (refresh plus the read). An ending made by this process
// applies here at once.

const GENERATION_KEY = 'admin_session_generation';

export interface SessionRevocationOptions {
  /** Reload from the database when the copy in memory is older than this. Default 1 000. */
  refreshMs?: number;
  now?: () => number;
}

export class SessionRevocations {
  private readonly ended = new Map<string, number>();
  private generation = 0;
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;
  private readonly refreshMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    options: SessionRevocationOptions = {},
  ) {
    this.refreshMs = options.refreshMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /** False for a session ended by id, or (admin) issued before the current generation. */
  async isLive(session: { sid?: string; gen?: number }): Promise<boolean> {
    await this.fresh();
    if (session.sid !== undefined && this.ended.has(session.sid)) return false;
    return session.gen === undefined || session.gen >= this.generation;
  }

  /** The same answer without waiting, or undefined when the copy in memory is due a reload. */
  isLiveNow(session: { sid?: string; gen?: number }): boolean | undefined {
    if (this.now() - this.loadedAt >= this.refreshMs) return undefined;
    if (session.sid !== undefined && this.ended.has(session.sid)) return false;
    return session.gen === undefined || session.gen >= this.generation;
  }

  /** The generation a new admin session is issued with. */
  async currentGeneration(): Promise<number> {
    await this.fresh();
    return this.generation;
  }

  /** Ends one session; `expiresAt` is when its cookie would have expired anyway. */
  async end(sid: string, expiresAt: number): Promise<void> {
    const now = this.now();
    this.ended.set(sid, expiresAt);
    await this.store.db
      .insertInto('ended_sessions')
      .values({ session_id: sid, ended_at: now, expires_at: expiresAt })
      .onConflict((oc) => oc.column('session_id').doNothing())
      .execute();
    await this.store.db.deleteFrom('ended_sessions').where('expires_at', '<', now).execute();
  }

  /** Ends every admin session issued so far (the caller's too). Returns the new generation. */
  async endAll(): Promise<number> {
    const now = this.now();
    const next = await this.store.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('key_values')
        .select('value')
        .where('key', '=', GENERATION_KEY)
        .executeTakeFirst();
      const value = Math.max(Number(row?.value ?? 0) || 0, this.generation) + 1;
      await tx
        .insertInto('key_values')
        .values({ key: GENERATION_KEY, value: String(value), updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(value), updated_at: now }))
        .execute();
      return value;
    });
    this.generation = Math.max(this.generation, next);
    return this.generation;
  }

  private fresh(): Promise<void> {
    if (this.now() - this.loadedAt < this.refreshMs) return Promise.resolve();
    // Every request arriving during a reload waits for that one reload.
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    const now = this.now();
    const [rows, generation] = await Promise.all([
      this.store.db
        .selectFrom('ended_sessions')
        .select(['session_id', 'expires_at'])
        .where('expires_at', '>=', now)
        .execute(),
      this.store.db
        .selectFrom('key_values')
        .select('value')
        .where('key', '=', GENERATION_KEY)
        .executeTakeFirst(),
    ]);
    // Merged, never replaced: an ending made here while the query ran must not be forgotten.
    for (const row of rows) this.ended.set(row.session_id, row.expires_at);
    for (const [sid, expiresAt] of this.ended) if (expiresAt < now) this.ended.delete(sid);
    this.generation = Math.max(this.generation, Number(generation?.value ?? 0) || 0);
    this.loadedAt = now;
  }
}
