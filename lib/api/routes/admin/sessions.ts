import { errorResult } from '@/lib/api/errors';
import { route, type Params } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { json } from '@/lib/api/types';
import { clientAddress } from '@/lib/auth/access';
import { auditAs } from '@/lib/auth/audit';
import { endAllAdminSessions, endSession } from '@/lib/auth/live-sessions';
import { endAllSessionsOf, openSessions, type SessionRow } from '@/lib/auth/person-sessions';
import { BREAK_GLASS_ID, type Access } from '@/lib/auth/scope';
import { clearedSessionCookie, readSession } from '@/lib/auth/session';
import { getStore } from '@/lib/db/instance';
import { NotFoundError } from '@/lib/domain/errors';
import { userDirectory } from '@/lib/users/directory';
import 'server-only';
import { z } from 'zod';

// Sessions as people see them: every open session per person for the admin ("sign out" one, or
// all of one person's), one's own for everybody signed in, and "sign out everywhere".

interface SessionView {
  id: string;
  person: { id: string; name: string; email: string } | null;
  method: SessionRow['method'];
  issuedAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

async function views(rows: SessionRow[], currentSid: string | null): Promise<SessionView[]> {
  const directory = await userDirectory();
  return Promise.all(
    rows.map(async (row) => {
      const person = row.userId ? await directory.find(row.userId) : null;
      return {
        id: row.id,
        person: row.userId
          ? { id: row.userId, name: person?.name ?? '(deleted user)', email: person?.email ?? '' }
          : { id: BREAK_GLASS_ID, name: 'admin (break-glass)', email: '' },
        method: row.method,
        issuedAt: new Date(row.issuedAt).toISOString(),
        lastSeenAt: new Date(row.lastSeenAt).toISOString(),
        ip: row.ip,
        userAgent: row.userAgent,
        current: row.id === currentSid,
      };
    }),
  );
}

async function currentSid(cookieHeader: string | undefined): Promise<string | null> {
  const session = await readSession(cookieHeader);
  return session && session.role !== 'link' ? session.sid : null;
}

/** users.id of a person's own sessions; null (the user_sessions value) for the break-glass admin. */
const ownerOf = (access: Access & { via: 'person' }) =>
  access.person.id === BREAK_GLASS_ID ? null : access.person.id;

const listQuery = z.strictObject({ userId: z.string().min(1).max(100).optional() });

export const sessionsRoute = route(
  'admin.sessions.list',
  async (request) => {
    const { userId } = parseQuery(request, listQuery);
    const owner = userId === undefined ? undefined : userId === BREAK_GLASS_ID ? null : userId;
    return json({
      sessions: await views(await openSessions(owner), await currentSid(request.header('cookie'))),
    });
  },
  { access: 'admin' },
);

const sessionIdOf = (params: Params) => {
  const id = params.id ?? '';
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(id)) throw new NotFoundError('No such session.');
  return id;
};

async function endOne(
  request: Parameters<typeof clientAddress>[0],
  access: Access,
  id: string,
  target: string,
) {
  await endSession(id);
  await auditAs(await getStore(), access, {
    action: 'sessions.end',
    target,
    result: 'ok',
    ip: clientAddress(request),
  });
}

export const endSessionRoute = route(
  'admin.sessions.end',
  async (request, params, access) => {
    const id = sessionIdOf(params);
    const row = (await openSessions()).find((session) => session.id === id);
    if (!row) throw new NotFoundError('No open session with that id.');
    await endOne(request, access, id, row.userId ? `user ${row.userId}` : 'admin (break-glass)');
    return json({ ok: true });
  },
  { access: 'admin' },
);

/** One's own open sessions (any person signed in). */
export const ownSessionsRoute = route('account.sessions.list', async (request, _params, access) => {
  if (access.via !== 'person') return errorResult(403, 'forbidden', 'Share links have no sessions to list.');
  const rows = await openSessions(ownerOf(access));
  return json({ sessions: await views(rows, await currentSid(request.header('cookie'))) });
});

export const endOwnSessionRoute = route('account.sessions.end', async (request, params, access) => {
  if (access.via !== 'person') return errorResult(403, 'forbidden', 'Share links have no sessions to end.');
  const id = sessionIdOf(params);
  const row = (await openSessions(ownerOf(access))).find((session) => session.id === id);
  if (!row) throw new NotFoundError('No open session of yours with that id.');
  await endOne(request, access, id, 'own session');
  return json({ ok: true });
});

/**
 * "Sign out everywhere": every session of the caller ends at once, this one included. For the
 * break-glass admin that is every break-glass session.
 */
export const signOutEverywhereRoute = route(
  'sessions.sign_out_everywhere',
  async (request, _params, access) => {
    if (access.via !== 'person') return errorResult(403, 'forbidden', 'Share links have no sessions to end.');
    const owner = ownerOf(access);
    if (owner === null) await endAllAdminSessions();
    else await endAllSessionsOf(owner);
    await auditAs(await getStore(), access, {
      action: 'sessions.sign_out_everywhere',
      result: 'ok',
      ip: clientAddress(request),
    });
    return json({ ok: true }, 200, { 'Set-Cookie': clearedSessionCookie() });
  },
);
