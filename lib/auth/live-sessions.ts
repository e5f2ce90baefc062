import { markSessionsEnded, recordSession, type SessionOrigin } from '@/lib/auth/person-sessions';
import {
  ADMIN_LIFETIME_MS,
  newSessionId,
  passwordFingerprint,
  readSession,
  sessionEndHorizon,
  type SessionData,
} from '@/lib/auth/session';
import { SessionRevocations } from '@/lib/auth/session-revocation';
import { getStore } from '@/lib/db/instance';
import { processWide } from '@/lib/process-wide';
import 'server-only';

// The process's one SessionRevocations (process-wide: Next bundles routes and instrumentation
// apart), and the three things routes do with it.

declare module '@/lib/process-wide' {
  interface ProcessWide {
    revocations: { all?: Promise<SessionRevocations>; ready?: SessionRevocations };
  }
}

const shared = processWide('revocations', () => ({}));

function revocations(): Promise<SessionRevocations> {
  shared.all ??= getStore().then((store) => {
    const created = new SessionRevocations(store);
    shared.ready = created;
    return created;
  });
  return shared.all;
}

// An admin session also carries the break-glass generation; a person's generation is checked
// against the user directory (lib/auth/access.ts), a link's sessions only by id.
const checked = (session: SessionData) => (session.role === 'admin' ? session : { sid: session.sid });

/** isSessionLive without waiting, when memory can answer; undefined when it cannot. */
export function isSessionLiveNow(session: SessionData): boolean | undefined {
  return shared.ready?.isLiveNow(checked(session));
}

/**
 * A new break-glass admin session: its own id, the current generation and the current password's
 * fingerprint; listed with the sessions of people (user id null).
 */
export async function newAdminSession(
  origin: SessionOrigin = { ip: null, userAgent: null },
  now = Date.now(),
): Promise<SessionData> {
  const gen = await (await revocations()).currentGeneration();
  const sid = newSessionId();
  await recordSession(sid, null, 'break-glass', origin, now);
  return { role: 'admin', sid, gen, pwf: passwordFingerprint(), issuedAt: now, seenAt: now };
}

/** False once logout or "sign out everywhere" ended this session. */
export async function isSessionLive(session: SessionData): Promise<boolean> {
  return (await revocations()).isLive(checked(session));
}

/** Logout: the session in this cookie header, if any, ends on the server as well. */
export async function endSessionOf(cookieHeader: string | undefined): Promise<void> {
  const session = await readSession(cookieHeader);
  if (session?.sid) await endSession(session.sid, sessionEndHorizon(session));
}

/** Ends one session by id ("sign out" in a session list); `horizon`: when its cookie would expire anyway. */
export async function endSession(sid: string, horizon = Date.now() + ADMIN_LIFETIME_MS): Promise<void> {
  await (await revocations()).end(sid, horizon);
  await markSessionsEnded({ sid });
}

/** Ends every break-glass admin session at once. */
export async function endAllAdminSessions(): Promise<void> {
  await (await revocations()).endAll();
  await markSessionsEnded({ breakGlass: true });
}
