import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { clientAddress } from '@/lib/auth/access';
import { audit } from '@/lib/auth/audit';
import { endAllAdminSessions } from '@/lib/auth/live-sessions';
import { clearedSessionCookie } from '@/lib/auth/session';
import { getStore } from '@/lib/db/instance';
import 'server-only';

/** "Sign out everywhere": every admin session ends at once, this one included. */
export const signOutEverywhereRoute = route(
  'admin.sessions.sign_out_everywhere',
  async (request) => {
    await endAllAdminSessions();
    await audit(await getStore(), {
      actor: 'admin',
      action: 'sessions.sign_out_everywhere',
      result: 'ok',
      ip: clientAddress(request),
    });
    return json({ ok: true }, 200, { 'Set-Cookie': clearedSessionCookie() });
  },
  { access: 'admin' },
);
