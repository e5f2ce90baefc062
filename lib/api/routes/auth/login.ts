import { parseBody } from '@/lib/api/body';
import { errorResult } from '@/lib/api/errors';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { clientAddress } from '@/lib/auth/access';
import { audit } from '@/lib/auth/audit';
import { deniedAttemptLog } from '@/lib/auth/denied-attempts';
import { endSessionOf, newAdminSession } from '@/lib/auth/live-sessions';
import { LoginLimiter } from '@/lib/auth/login-limiter';
import { secrets } from '@/lib/auth/secrets';
import { clearedSessionCookie, sessionCookie } from '@/lib/auth/session';
import { getStore } from '@/lib/db/instance';
import { createHash, timingSafeEqual } from 'node:crypto';
import 'server-only';
import { z } from 'zod';

const limiter = new LoginLimiter();
const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares digests, so the time taken says nothing about the password's length or prefix. */
function passwordMatches(candidate: string): boolean {
  return timingSafeEqual(digest(candidate), digest(secrets().adminPassword));
}

export const loginRoute = route(
  'auth.login',
  async (request) => {
    const ip = clientAddress(request);
    const wait = limiter.attempt(ip);
    const store = await getStore();
    if (wait > 0) {
      await deniedAttemptLog(store).record(ip);
      return errorResult(429, 'rate_limited', `Too many sign-in attempts. Try again in ${wait} s.`, {
        'Retry-After': String(wait),
      });
    }
    const { password } = await parseBody(request, z.object({ password: z.string().min(1).max(1024) }));
    if (!passwordMatches(password)) {
      await audit(store, { actor: 'anonymous', action: 'login', result: 'failed', ip });
      return errorResult(401, 'invalid_password', 'That password is not right.');
    }
    await audit(store, { actor: 'admin', action: 'login', result: 'ok', ip });
    return json({ ok: true }, 200, { 'Set-Cookie': await sessionCookie(await newAdminSession()) });
  },
  { access: 'public' },
);

export const logoutRoute = route(
  'auth.logout',
  async (request) => {
    // Ended on the server too: a copy of the cookie replayed later no longer counts.
    await endSessionOf(request.header('cookie'));
    return json({ ok: true }, 200, { 'Set-Cookie': clearedSessionCookie() });
  },
  { access: 'public' },
);
