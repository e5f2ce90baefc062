import { ADMIN_IDLE_MS, ADMIN_LIFETIME_MS, newSessionId, sessionCookie } from '@/lib/auth/session';
import { getStore } from '@/lib/db/instance';
import type { UserSessionTable } from '@/lib/db/schema';
import { userDirectory, usersChanged } from '@/lib/users/directory';
import 'server-only';

// A person's sessions: issued at sign-in (password or OIDC), listed per person with where and when
// they were last seen, ended one by one ("sign out") or all at once (disable, reset, "sign out
// everywhere"). A cookie names its session; whether it still counts is decided on every request
// by lib/auth/access.ts from the user directory (generation, disabled) and lib/auth/live-sessions.ts
// (sessions ended by id). The `user_sessions` rows are the list people see, not the check.

export interface SessionOrigin {
  ip: string | null;
  userAgent: string | null;
}

const clip = (value: string | null, max: number) => (value === null ? null : value.slice(0, max));

/** Records a session for the list. `userId` null: the break-glass admin. */
export async function recordSession(
  sid: string,
  userId: string | null,
  method: UserSessionTable['method'],
  origin: SessionOrigin,
  now: number,
): Promise<void> {
  const store = await getStore();
  await store.db
    .insertInto('user_sessions')
    .values({
      session_id: sid,
      user_id: userId,
      method,
      issued_at: now,
      last_seen_at: now,
      expires_at: now + ADMIN_LIFETIME_MS,
      ip: clip(origin.ip, 100),
      user_agent: clip(origin.userAgent, 300),
      ended_at: null,
    })
    .execute();
  // Rows of sessions that can no longer be used are kept a day for the list, then go.
  await store.db
    .deleteFrom('user_sessions')
    .where('expires_at', '<', now - 86_400_000)
    .execute();
}

/** Issues a session for a person: records it for the list and returns the Set-Cookie value. */
export async function startPersonSession(input: {
  userId: string;
  method: 'password' | 'oidc';
  ip: string | null;
  userAgent: string | null;
}): Promise<string> {
  const directory = await userDirectory();
  directory.invalidate();
  const person = await directory.find(input.userId);
  if (!person || person.disabled) throw new Error('startPersonSession: no such enabled user');
  const now = Date.now();
  const sid = newSessionId();
  await recordSession(sid, person.id, input.method, input, now);
  const store = await getStore();
  await store.db.updateTable('users').set({ last_sign_in_at: now }).where('id', '=', person.id).execute();
  return sessionCookie({
    role: 'person',
    uid: person.id,
    sid,
    gen: person.sessionGeneration,
    issuedAt: now,
    seenAt: now,
  });
}

/** Ends every session of one person at once: their generation moves on. */
export async function endAllSessionsOf(userId: string, now = Date.now()): Promise<void> {
  const store = await getStore();
  await store.db
    .updateTable('users')
    .set((eb) => ({ session_generation: eb('session_generation', '+', 1), updated_at: now }))
    .where('id', '=', userId)
    .execute();
  await store.db
    .updateTable('user_sessions')
    .set({ ended_at: now })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
  usersChanged();
}

/** Marks sessions ended in the list (the check itself is lib/auth/live-sessions.ts). */
export async function markSessionsEnded(filter: { sid: string } | { breakGlass: true }, now = Date.now()) {
  const store = await getStore();
  let query = store.db.updateTable('user_sessions').set({ ended_at: now }).where('ended_at', 'is', null);
  query = 'sid' in filter ? query.where('session_id', '=', filter.sid) : query.where('user_id', 'is', null);
  await query.execute();
}

/** The idle clock of a session in the list moved on (at most every 5 min: the cookie's refresh). */
export async function sessionSeen(sid: string, now = Date.now()): Promise<void> {
  const store = await getStore();
  await store.db
    .updateTable('user_sessions')
    .set({ last_seen_at: now })
    .where('session_id', '=', sid)
    .execute();
}

export interface SessionRow {
  id: string;
  userId: string | null;
  method: UserSessionTable['method'];
  issuedAt: number;
  lastSeenAt: number;
  ip: string | null;
  userAgent: string | null;
}

/** Sessions that may still be in use, newest first; one person's, or everyone's. */
export async function openSessions(userId?: string | null, now = Date.now()): Promise<SessionRow[]> {
  const store = await getStore();
  let query = store.db
    .selectFrom('user_sessions')
    .selectAll()
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now)
    // The cookie's idle clock is refreshed (and the row seen) every 5 minutes of use.
    .where('last_seen_at', '>', now - ADMIN_IDLE_MS);
  if (userId !== undefined)
    query = userId === null ? query.where('user_id', 'is', null) : query.where('user_id', '=', userId);
  const rows = await query.orderBy('last_seen_at', 'desc').limit(500).execute();
  return rows.map((row) => ({
    id: row.session_id,
    userId: row.user_id,
    method: row.method,
    issuedAt: row.issued_at,
    lastSeenAt: row.last_seen_at,
    ip: row.ip,
    userAgent: row.user_agent,
  }));
}
