import { getStore } from '@/lib/db/instance';
import type { Store } from '@/lib/db/open';
import type { UserRole } from '@/lib/db/schema';
import { personScopeSchema, type PersonScope } from '@/lib/domain/scope';
import { logger } from '@/lib/logger';
import { processWide } from '@/lib/process-wide';
import 'server-only';

// Who the people are, as every request needs them: role, scope, disabled, and the session
// generation that ends all of a person's sessions at once. Polled routes answer from memory, so
// the table is kept in memory and reloaded at most every `refreshMs` (1 s): another replica's
// change (a disabled user, a new role) applies here within about a second; this process's own
// writes apply at once (`invalidate`). A team is tens of people, so the whole table is one read.

export interface Person {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** An admin is always the whole fleet. */
  scope: PersonScope;
  disabled: boolean;
  sessionGeneration: number;
}

export interface UserDirectoryOptions {
  refreshMs?: number;
  now?: () => number;
}

const FLEET: PersonScope = { kind: 'fleet' };

function scopeOf(role: UserRole, raw: string, id: string): PersonScope | null {
  if (role === 'admin') return FLEET;
  try {
    const parsed = personScopeSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through: a scope that does not parse opens nothing
  }
  logger.error({ userId: id }, 'a user has a scope that does not parse; they are treated as disabled');
  return null;
}

export class UserDirectory {
  private people = new Map<string, Person>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;
  /** Advanced by every invalidate(), so a read that started before a write never counts as fresh. */
  private writes = 0;
  private loadingFor = -1;
  private readonly refreshMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    options: UserDirectoryOptions = {},
  ) {
    this.refreshMs = options.refreshMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /** The person, or null when there is no such user. */
  async find(id: string): Promise<Person | null> {
    await this.fresh();
    return this.people.get(id) ?? null;
  }

  /** The same without waiting, or undefined when memory is due a reload. */
  findNow(id: string): Person | null | undefined {
    if (this.now() - this.loadedAt >= this.refreshMs) return undefined;
    return this.people.get(id) ?? null;
  }

  /** Every person, for counting admins (break-glass) and the like. */
  async all(): Promise<Person[]> {
    await this.fresh();
    return [...this.people.values()];
  }

  /** A write happened here: the next question reloads. */
  invalidate(): void {
    this.writes += 1;
    this.loadedAt = Number.NEGATIVE_INFINITY;
  }

  private fresh(): Promise<void> {
    if (this.now() - this.loadedAt < this.refreshMs) return Promise.resolve();
    // Everyone arriving during a reload waits for that one reload, unless a write came after it
    // started: then a new read follows it.
    if (!this.loading || this.loadingFor !== this.writes) {
      const before = this.loading ?? Promise.resolve();
      this.loadingFor = this.writes;
      const current: Promise<void> = before
        .catch(() => undefined)
        .then(() => this.load())
        .finally(() => {
          if (this.loading === current) this.loading = null;
        });
      this.loading = current;
    }
    return this.loading;
  }

  private async load(): Promise<void> {
    const started = this.now();
    const writes = this.writes;
    const rows = await this.store.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'scope', 'disabled_at', 'session_generation'])
      .execute();
    const people = new Map<string, Person>();
    for (const row of rows) {
      const scope = scopeOf(row.role, row.scope, row.id);
      people.set(row.id, {
        id: row.id,
        email: row.email,
        name: row.name,
        role: row.role,
        scope: scope ?? FLEET,
        disabled: row.disabled_at !== null || scope === null,
        sessionGeneration: Number(row.session_generation),
      });
    }
    this.people = people;
    // A write during the read may be missing from it: memory stays due, the next question reads again.
    if (writes === this.writes) this.loadedAt = started;
  }
}

declare module '@/lib/process-wide' {
  interface ProcessWide {
    userDirectory: { all?: Promise<UserDirectory>; ready?: UserDirectory };
  }
}

const shared = processWide('userDirectory', () => ({}));

/** The process's one directory (process-wide: Next bundles routes and instrumentation apart). */
export function userDirectory(): Promise<UserDirectory> {
  shared.all ??= getStore().then((store) => {
    const created = new UserDirectory(store);
    shared.ready = created;
    return created;
  });
  return shared.all;
}

/** The directory if it exists yet, for answers that must not wait. */
export const userDirectoryNow = (): UserDirectory | undefined => shared.ready;

/** Call after any write to `users`: this replica sees it at once, the others within ~1 s. */
export function usersChanged(): void {
  shared.ready?.invalidate();
}
