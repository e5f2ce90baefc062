import type { Store } from '@/lib/db/open';
import type { UserRole, UserTable } from '@/lib/db/schema';
import { ConflictError, NotFoundError } from '@/lib/domain/errors';
import { personScopeSchema, type PersonScope } from '@/lib/domain/scope';
import { usersChanged } from '@/lib/users/directory';
import { randomUUID } from 'node:crypto';
import 'server-only';

// The users table, on both engines. Every write tells the directory (lib/users/directory.ts) so
// this replica's access checks see it at once. Secrets (password hash, TOTP secret, recovery code
// hashes) leave this file only through `credentialsOf`, for sign-in; `User` carries none of them.

export const USER_ROLES = ['admin', 'technician', 'viewer'] as const satisfies readonly UserRole[];

export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  scope: PersonScope;
  hasPassword: boolean;
  totpEnabled: boolean;
  /** How many unused recovery codes are left (0 without TOTP). */
  recoveryCodesLeft: number;
  oidcLinked: boolean;
  disabledAt: number | null;
  createdAt: number;
  lastSignInAt: number | null;
}

export type Credentials = Pick<
  UserTable,
  | 'id'
  | 'email'
  | 'password_hash'
  | 'totp_secret'
  | 'totp_enabled_at'
  | 'totp_last_step'
  | 'recovery_codes'
  | 'disabled_at'
  | 'session_generation'
  | 'name'
>;

const FLEET: PersonScope = { kind: 'fleet' };

function toUser(row: UserTable): User {
  let scope: PersonScope = FLEET;
  try {
    const parsed = personScopeSchema.safeParse(JSON.parse(row.scope));
    // An unparsable scope is shown as the fleet here; the directory treats that person as disabled.
    if (parsed.success) scope = parsed.data;
  } catch {
    /* see above */
  }
  let codes = 0;
  try {
    codes = row.recovery_codes ? (JSON.parse(row.recovery_codes) as unknown[]).length : 0;
  } catch {
    codes = 0;
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    scope: row.role === 'admin' ? FLEET : scope,
    hasPassword: row.password_hash !== null,
    totpEnabled: row.totp_enabled_at !== null,
    recoveryCodesLeft: row.totp_enabled_at !== null ? codes : 0,
    oidcLinked: row.oidc_subject !== null,
    disabledAt: row.disabled_at === null ? null : Number(row.disabled_at),
    createdAt: Number(row.created_at),
    lastSignInAt: row.last_sign_in_at === null ? null : Number(row.last_sign_in_at),
  };
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint/.test(String(e?.message))
  );
}

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  scope: PersonScope;
}

/** A new person with no way to sign in yet (an invite link or OIDC gives them one). */
export async function createUser(store: Store, input: NewUser, now = Date.now()): Promise<User> {
  const email = normaliseEmail(input.email);
  const row: UserTable = {
    id: randomUUID(),
    email,
    name: input.name.trim(),
    role: input.role,
    scope: JSON.stringify(input.role === 'admin' ? FLEET : input.scope),
    password_hash: null,
    totp_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
    recovery_codes: null,
    oidc_issuer: null,
    oidc_subject: null,
    disabled_at: null,
    session_generation: 0,
    created_at: now,
    updated_at: now,
    last_sign_in_at: null,
  };
  try {
    await store.db.insertInto('users').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError('email_taken', `A user with e-mail ${email} already exists.`);
    throw error;
  }
  usersChanged();
  return toUser(row);
}

export async function listUsers(store: Store): Promise<User[]> {
  const rows = await store.db.selectFrom('users').selectAll().orderBy('name').orderBy('email').execute();
  return rows.map(toUser);
}

export async function getUser(store: Store, id: string): Promise<User | null> {
  const row = await store.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function getUserByEmail(store: Store, email: string): Promise<User | null> {
  const row = await store.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

/** What sign-in checks against. Never sent anywhere. */
export async function credentialsOf(
  store: Store,
  by: { id: string } | { email: string },
): Promise<Credentials | null> {
  const query = store.db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'password_hash',
      'totp_secret',
      'totp_enabled_at',
      'totp_last_step',
      'recovery_codes',
      'disabled_at',
      'session_generation',
      'name',
    ]);
  const row = await (
    'id' in by ? query.where('id', '=', by.id) : query.where('email', '=', normaliseEmail(by.email))
  ).executeTakeFirst();
  if (!row) return null;
  return {
    ...row,
    totp_enabled_at: row.totp_enabled_at === null ? null : Number(row.totp_enabled_at),
    totp_last_step: row.totp_last_step === null ? null : Number(row.totp_last_step),
    disabled_at: row.disabled_at === null ? null : Number(row.disabled_at),
    session_generation: Number(row.session_generation),
  };
}

async function write(
  store: Store,
  id: string,
  set: Partial<Omit<UserTable, 'id' | 'session_generation'>>,
  options: { endSessions?: boolean; now?: number } = {},
): Promise<void> {
  const now = options.now ?? Date.now();
  let query = store.db
    .updateTable('users')
    .set({ ...set, updated_at: now })
    .where('id', '=', id);
  if (options.endSessions)
    query = query.set((eb) => ({ session_generation: eb('session_generation', '+', 1) }));
  const result = await query.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new NotFoundError(`No user with id "${id}".`);
  usersChanged();
}

export interface UserChange {
  name?: string;
  role?: UserRole;
  scope?: PersonScope;
}

/** Name, role, scope. An admin is stored fleet-scoped whatever scope came with the change. */
export async function updateUser(
  store: Store,
  id: string,
  change: UserChange,
  now = Date.now(),
): Promise<User> {
  const current = await getUser(store, id);
  if (!current) throw new NotFoundError(`No user with id "${id}".`);
  const role = change.role ?? current.role;
  const scope = role === 'admin' ? FLEET : (change.scope ?? current.scope);
  await write(
    store,
    id,
    {
      ...(change.name !== undefined ? { name: change.name.trim() } : {}),
      role,
      scope: JSON.stringify(scope),
    },
    { now },
  );
  return (await getUser(store, id))!;
}

/** Disabling ends every session of the person at once; enabling lets them sign in again. */
export async function setDisabled(
  store: Store,
  id: string,
  disabled: boolean,
  now = Date.now(),
): Promise<void> {
  await write(store, id, { disabled_at: disabled ? now : null }, { endSessions: disabled, now });
}

/** Every session of the person stops counting (their own "sign out everywhere", a reset). */
/** A new password hash; `endSessions` ends every session issued before (reset, change). */
export async function setPasswordHash(
  store: Store,
  id: string,
  hash: string,
  options: { endSessions: boolean; now?: number },
): Promise<void> {
  await write(store, id, { password_hash: hash }, options);
}

export async function recordSignIn(store: Store, id: string, now = Date.now()): Promise<void> {
  await store.db.updateTable('users').set({ last_sign_in_at: now }).where('id', '=', id).execute();
  usersChanged();
}

/** Enrolment started: a sealed secret waits for its first code. Refused while TOTP is on. */
export async function storePendingTotp(
  store: Store,
  id: string,
  sealedSecret: string,
  now = Date.now(),
): Promise<void> {
  const result = await store.db
    .updateTable('users')
    .set({ totp_secret: sealedSecret, totp_last_step: null, updated_at: now })
    .where('id', '=', id)
    .where('totp_enabled_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    throw new ConflictError('totp_enabled', 'Two-factor sign-in is already on.');
  usersChanged();
}

/** The first code matched: TOTP is on, with fresh recovery codes. False if enrolment changed meanwhile. */
export async function enableTotp(
  store: Store,
  id: string,
  input: { sealedSecret: string; step: number; recoveryHashes: string[] },
  now = Date.now(),
): Promise<boolean> {
  const result = await store.db
    .updateTable('users')
    .set({
      totp_enabled_at: now,
      totp_last_step: input.step,
      recovery_codes: JSON.stringify(input.recoveryHashes),
      updated_at: now,
    })
    .where('id', '=', id)
    .where('totp_secret', '=', input.sealedSecret)
    .where('totp_enabled_at', 'is', null)
    .executeTakeFirst();
  usersChanged();
  return Number(result.numUpdatedRows) === 1;
}

export async function clearTotp(store: Store, id: string, now = Date.now()): Promise<void> {
  await write(
    store,
    id,
    { totp_secret: null, totp_enabled_at: null, totp_last_step: null, recovery_codes: null },
    { now },
  );
}

/**
 * Records that `step` was used, only if no later-or-equal step was: one conditional UPDATE, so the
 * same code sent twice at once (or to two replicas) signs in once.
 */
export async function claimTotpStep(store: Store, id: string, step: number): Promise<boolean> {
  const result = await store.db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces the recovery codes only if they are still `before` (a code spent once, never twice). */
export async function swapRecoveryCodes(
  store: Store,
  id: string,
  before: string,
  after: string[],
): Promise<boolean> {
  const result = await store.db
    .updateTable('users')
    .set({ recovery_codes: JSON.stringify(after) })
    .where('id', '=', id)
    .where('recovery_codes', '=', before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Enabled admins, for "not the last admin" and the break-glass switch. */
export async function enabledAdmins(store: Store): Promise<Array<User & { canSignIn: boolean }>> {
  const users = await listUsers(store);
  return users
    .filter((user) => user.role === 'admin' && user.disabledAt === null)
    .map((user) => ({ ...user, canSignIn: user.hasPassword || user.oidcLinked }));
}
