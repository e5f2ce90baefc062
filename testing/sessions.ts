import { newAdminSession } from '@/lib/auth/live-sessions';
import { startPersonSession } from '@/lib/auth/person-sessions';
import { sessionCookie, type SessionData } from '@/lib/auth/session';
import { createShareLink, type NewShareLink, type ShareLink } from '@/lib/auth/share-links';
import '@/lib/db/instance';
import type { Store } from '@/lib/db/open';
import { processWide } from '@/lib/process-wide';
import { openTestStore } from '@/testing/stores';

// Real sessions for tests that go through access resolution (lib/auth/access.ts, lib/api/handler.ts):
// the process's secrets and database entries (lib/process-wide.ts) are filled before anything reads them, so cookies are
// sealed and checked, and links read, exactly as in the server — against a temporary SQLite file.

export interface TestAuth {
  store: Store;
  /** A Cookie header for a fresh admin session; `idleMs` back-dates its last request. */
  adminCookie(idleMs?: number): Promise<string>;
  /** A Cookie header for a fresh session of this person, as sign-in issues it. */
  personCookie(userId: string): Promise<string>;
  /** A Cookie header for a session opened through this link (whatever its state). */
  linkCookie(linkId: string): Promise<string>;
  createLink(link: Partial<NewShareLink>): Promise<ShareLink>;
  close(): Promise<void>;
}

/** The cookie as a browser sends it back: name=value, from the Set-Cookie header. */
export const cookieHeaderOf = (setCookie: string) => setCookie.split(';')[0] ?? '';

/** Call once per test file (each runs in its own process), before the code under test asks for a session. */
export async function useTestAuth(): Promise<TestAuth> {
  const secrets = {
    sessionSecret: 'a-test-session-secret-of-at-least-32-characters',
    adminPassword: 'test-admin-password',
  };
  Object.assign(
    processWide('secrets', () => secrets),
    secrets,
  );
  const store = await openTestStore('sqlite');
  processWide('store', () => Promise.resolve(store));
  const sealed = async (data: SessionData) => cookieHeaderOf(await sessionCookie(data));
  return {
    store,
    adminCookie: async (idleMs = 0) => {
      const session = await newAdminSession();
      if (session.role !== 'admin') throw new Error('newAdminSession made a link session');
      const seenAt = session.issuedAt - idleMs;
      return sealed({ ...session, issuedAt: seenAt, seenAt });
    },
    personCookie: async (userId) =>
      cookieHeaderOf(await startPersonSession({ userId, method: 'password', ip: null, userAgent: null })),
    linkCookie: (linkId) => sealed({ role: 'link', linkId, issuedAt: Date.now(), sid: `sid-${linkId}` }),
    createLink: async (link) =>
      (
        await createShareLink(store, {
          name: link.name ?? 'Test link',
          kind: link.kind ?? 'viewer',
          scope: link.scope ?? { kind: 'fleet' },
          redact: link.redact ?? false,
          expiresAt: link.expiresAt ?? null,
          wall: link.wall,
          reportPeriod: link.reportPeriod,
        })
      ).link,
    close: () => store.close(),
  };
}
