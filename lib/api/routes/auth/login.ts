import { parseBody } from '@/lib/api/body';
import { errorResult } from '@/lib/api/errors';
import { route } from '@/lib/api/handler';
import { json, type ApiRequest, type ApiResult } from '@/lib/api/types';
import { clientAddress } from '@/lib/auth/access';
import { actorOf } from '@/lib/auth/actor';
import { audit, auditBy } from '@/lib/auth/audit';
import { deniedAttemptLog } from '@/lib/auth/denied-attempts';
import { endSessionOf, newAdminSession } from '@/lib/auth/live-sessions';
import { LoginLimiter } from '@/lib/auth/login-limiter';
import { startPersonSession } from '@/lib/auth/person-sessions';
import { BREAK_GLASS_ACCESS } from '@/lib/auth/scope';
import { secrets } from '@/lib/auth/secrets';
import { clearedSessionCookie, sessionCookie } from '@/lib/auth/session';
import { getStore } from '@/lib/db/instance';
import type { Store } from '@/lib/db/open';
import { localSignInAllowed } from '@/lib/oidc/config';
import { isBreakGlassEnabled } from '@/lib/users/break-glass';
import { openTicket, sealTicket } from '@/lib/users/login-ticket';
import {
  burnPasswordCheck,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  needsRehash,
  verifyPassword,
} from '@/lib/users/password';
import { personActor } from '@/lib/users/person-of';
import { credentialsOf, setPasswordHash, type Credentials } from '@/lib/users/store';
import { checkSecondFactor } from '@/lib/users/two-factor';
import { createHash, timingSafeEqual } from 'node:crypto';
import 'server-only';
import { z } from 'zod';

// Sign-in. With an e-mail: a local account (password, then a TOTP code when the person has one).
// Without: the break-glass admin (ADMIN_PASSWORD), unless an admin turned it off. Every attempt,
// whichever kind, counts against the same per-address limiter; the TOTP step has its own.

const limiter = new LoginLimiter();
const secondStepLimiter = new LoginLimiter();
const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares digests, so the time taken says nothing about the password's length or prefix. */
function passwordMatches(candidate: string): boolean {
  return timingSafeEqual(digest(candidate), digest(secrets().adminPassword));
}

const BREAK_GLASS = actorOf(BREAK_GLASS_ACCESS);

const loginSchema = z.object({
  email: z.string().trim().max(254).optional(),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

async function limited(limiterOf: LoginLimiter, store: Store, ip: string): Promise<ApiResult | null> {
  const wait = limiterOf.attempt(ip);
  if (wait === 0) return null;
  await deniedAttemptLog(store).record(ip);
  return errorResult(429, 'rate_limited', `Too many sign-in attempts. Try again in ${wait} s.`, {
    'Retry-After': String(wait),
  });
}

/** A person's session, once every factor they have passed. */
async function signIn(
  request: ApiRequest,
  store: Store,
  user: Pick<Credentials, 'id' | 'name' | 'email'>,
  detail: Record<string, unknown>,
): Promise<ApiResult> {
  const ip = clientAddress(request);
  const cookie = await startPersonSession({
    userId: user.id,
    method: 'password',
    ip,
    userAgent: request.header('user-agent') ?? null,
  });
  await auditBy(store, personActor(user), { action: 'login', target: user.id, result: 'ok', detail, ip });
  return json({ ok: true }, 200, { 'Set-Cookie': cookie });
}

const wrongCredentials = () =>
  errorResult(401, 'invalid_credentials', 'That e-mail and password do not match.');

async function localLogin(
  request: ApiRequest,
  store: Store,
  email: string,
  password: string,
): Promise<ApiResult> {
  const ip = clientAddress(request);
  // OIDC_LOCAL_SIGN_IN=off: people sign in through the provider only (break-glass stays).
  if (!localSignInAllowed()) {
    await audit(store, {
      actor: 'anonymous',
      action: 'login',
      result: 'denied',
      detail: { email: email.toLowerCase(), reason: 'local_sign_in_off' },
      ip,
    });
    return errorResult(
      403,
      'local_sign_in_off',
      'Passwords are turned off here: sign in with single sign-on.',
    );
  }
  const user = await credentialsOf(store, { email });
  // No such person, disabled, or no password (invited, or single sign-on only): one answer, in the time a check takes.
  const ok =
    user && user.disabled_at === null && user.password_hash
      ? await verifyPassword(password, user.password_hash)
      : await burnPasswordCheck(password);
  if (!user || !ok || !user.password_hash || user.disabled_at !== null) {
    await audit(store, {
      actor: 'anonymous',
      action: 'login',
      target: user?.id ?? null,
      result: 'failed',
      detail: { email: email.toLowerCase(), reason: user?.disabled_at ? 'disabled' : 'password' },
      ip,
    });
    return wrongCredentials();
  }
  if (needsRehash(user.password_hash))
    await setPasswordHash(store, user.id, await hashPassword(password), { endSessions: false });
  if (user.totp_enabled_at !== null) {
    await auditBy(store, personActor(user), {
      action: 'login.password',
      target: user.id,
      result: 'ok',
      detail: { next: 'totp' },
      ip,
    });
    return json({ next: 'totp', ticket: await sealTicket(user.id, user.session_generation) });
  }
  return signIn(request, store, user, { method: 'password' });
}

async function breakGlassLogin(request: ApiRequest, store: Store, password: string): Promise<ApiResult> {
  const ip = clientAddress(request);
  if (!(await isBreakGlassEnabled(store))) {
    await auditBy(store, BREAK_GLASS, {
      action: 'login',
      result: 'denied',
      detail: { breakGlass: true, reason: 'disabled' },
      ip,
    });
    return errorResult(
      403,
      'break_glass_disabled',
      'Break-glass sign-in is turned off. Sign in with your e-mail.',
    );
  }
  if (!passwordMatches(password)) {
    await audit(store, {
      actor: 'anonymous',
      actorId: null,
      action: 'login',
      result: 'failed',
      detail: { breakGlass: true },
      ip,
    });
    return errorResult(401, 'invalid_password', 'That password is not right.');
  }
  await auditBy(store, BREAK_GLASS, { action: 'login', result: 'ok', detail: { breakGlass: true }, ip });
  return json({ ok: true }, 200, {
    'Set-Cookie': await sessionCookie(
      await newAdminSession({ ip, userAgent: request.header('user-agent') ?? null }),
    ),
  });
}

export const loginRoute = route(
  'auth.login',
  async (request) => {
    const store = await getStore();
    const refused = await limited(limiter, store, clientAddress(request));
    if (refused) return refused;
    const { email, password } = await parseBody(request, loginSchema);
    return email ? localLogin(request, store, email, password) : breakGlassLogin(request, store, password);
  },
  { access: 'public' },
);

const expired = () =>
  errorResult(401, 'ticket_invalid', 'This sign-in took too long or is no longer valid. Start again.');

export const loginTotpRoute = route(
  'auth.login.totp',
  async (request) => {
    const store = await getStore();
    const ip = clientAddress(request);
    const refused = await limited(secondStepLimiter, store, ip);
    if (refused) return refused;
    const input = await parseBody(
      request,
      z.strictObject({ ticket: z.string().min(1).max(2048), code: z.string().trim().min(1).max(40) }),
    );
    const ticket = await openTicket(input.ticket);
    if (!ticket) return expired();
    const user = await credentialsOf(store, { id: ticket.userId });
    // Disabled, reset or signed out everywhere since the password step: start again.
    if (!user || user.disabled_at !== null || user.session_generation !== ticket.gen) return expired();
    const result = await checkSecondFactor(store, user.id, input.code);
    if (!result.ok) {
      await auditBy(store, personActor(user), {
        action: 'login',
        target: user.id,
        result: 'failed',
        detail: { reason: 'second_factor' },
        ip,
      });
      return errorResult(401, 'wrong_code', 'That code is not right (or was already used).');
    }
    return signIn(request, store, user, {
      method: 'password',
      secondFactor: result.via,
      recoveryCodesLeft: result.via === 'recovery_code' ? result.recoveryCodesLeft : undefined,
    });
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
