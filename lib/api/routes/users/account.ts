import { parseBody } from '@/lib/api/body';
import { errorResult } from '@/lib/api/errors';
import { route } from '@/lib/api/handler';
import { passwordSchema } from '@/lib/api/routes/users/invite';
import { json } from '@/lib/api/types';
import { clientAddress } from '@/lib/auth/access';
import { actorOf } from '@/lib/auth/actor';
import { auditBy } from '@/lib/auth/audit';
import { LoginLimiter } from '@/lib/auth/login-limiter';
import { endAllSessionsOf, startPersonSession } from '@/lib/auth/person-sessions';
import type { Access } from '@/lib/auth/scope';
import { getStore } from '@/lib/db/instance';
import type { Store } from '@/lib/db/open';
import { ConflictError } from '@/lib/domain/errors';
import { fleetService } from '@/lib/fleet/instance';
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from '@/lib/users/password';
import { personIdOf } from '@/lib/users/person-of';
import { credentialsOf, getUser, setPasswordHash, type User } from '@/lib/users/store';
import { beginTotpEnrolment, confirmTotpEnrolment, disableTotp } from '@/lib/users/two-factor';
import { userView } from '@/lib/users/user-view';
import QRCode from 'qrcode';
import 'server-only';
import { z } from 'zod';

// A signed-in person's own account: who they are, their password, their second factor. The
// break-glass admin has none (409), a share link may not ask (403).

/** Guessing the current password from a stolen session is limited like sign-in. */
const limiter = new LoginLimiter();

/** A share link has no account (403); the break-glass admin is a person without one (409). */
const noAccount = (access: Access) =>
  access.via === 'link'
    ? errorResult(403, 'forbidden', 'This is for people signed in, not share links.')
    : errorResult(409, 'no_account', 'The break-glass admin has no account to change.');

async function me(access: Access): Promise<{ store: Store; user: User } | null> {
  const id = personIdOf(access);
  if (!id) return null;
  const store = await getStore();
  const user = await getUser(store, id);
  return user && user.disabledAt === null ? { store, user } : null;
}

/** The current password, checked under the limiter; a refusal is the answer to send, null means it matched. */
async function checkCurrentPassword(
  request: Parameters<typeof clientAddress>[0],
  store: Store,
  user: User,
  given: string,
) {
  const wait = limiter.attempt(clientAddress(request));
  if (wait > 0)
    return errorResult(429, 'rate_limited', `Too many attempts. Try again in ${wait} s.`, {
      'Retry-After': String(wait),
    });
  const credentials = await credentialsOf(store, { id: user.id });
  if (!credentials?.password_hash)
    throw new ConflictError('no_password', 'This account has no password (it signs in with single sign-on).');
  if (!(await verifyPassword(given, credentials.password_hash)))
    return errorResult(400, 'wrong_password', 'The current password is not right.');
  return null;
}

export const accountRoute = route('account.show', async (_request, _params, access) => {
  const found = await me(access);
  if (!found) return noAccount(access);
  return json({ user: userView(found.user, fleetService().current()) });
});

export const changePasswordRoute = route('account.password', async (request, _params, access) => {
  const found = await me(access);
  if (!found) return noAccount(access);
  const input = await parseBody(
    request,
    z.strictObject({ current: z.string().min(1).max(MAX_PASSWORD_LENGTH), password: passwordSchema }),
  );
  const refused = await checkCurrentPassword(request, found.store, found.user, input.current);
  if (refused) return refused;
  // Every other session (another browser, a stolen cookie) ends; this one continues under a new cookie.
  await setPasswordHash(found.store, found.user.id, await hashPassword(input.password), {
    endSessions: false,
  });
  await endAllSessionsOf(found.user.id);
  const ip = clientAddress(request);
  const cookie = await startPersonSession({
    userId: found.user.id,
    method: 'password',
    ip,
    userAgent: request.header('user-agent') ?? null,
  });
  await auditBy(found.store, actorOf(access), {
    action: 'account.password',
    target: found.user.id,
    result: 'ok',
    ip,
  });
  return json({ ok: true }, 200, { 'Set-Cookie': cookie });
});

export const totpStartRoute = route('account.totp.start', async (request, _params, access) => {
  const found = await me(access);
  if (!found) return noAccount(access);
  if (!found.user.hasPassword)
    throw new ConflictError(
      'no_password',
      'Two-factor sign-in is for password accounts; your identity provider handles yours.',
    );
  const { secret, uri } = await beginTotpEnrolment(found.store, found.user.id);
  const qr = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
  return json({ secret, uri, qr });
});

export const totpConfirmRoute = route('account.totp.confirm', async (request, _params, access) => {
  const found = await me(access);
  if (!found) return noAccount(access);
  const { code } = await parseBody(request, z.strictObject({ code: z.string().trim().min(1).max(20) }));
  const codes = await confirmTotpEnrolment(found.store, found.user.id, code);
  const ip = clientAddress(request);
  if (!codes) {
    await auditBy(found.store, actorOf(access), {
      action: 'account.totp.enable',
      target: found.user.id,
      result: 'failed',
      ip,
    });
    return errorResult(
      400,
      'wrong_code',
      'That code does not match. Check the time on your phone and try the next one.',
    );
  }
  await auditBy(found.store, actorOf(access), {
    action: 'account.totp.enable',
    target: found.user.id,
    result: 'ok',
    ip,
  });
  // Shown this once; only their hashes are stored.
  return json({ recoveryCodes: codes });
});

export const totpDisableRoute = route('account.totp.disable', async (request, _params, access) => {
  const found = await me(access);
  if (!found) return noAccount(access);
  const { password } = await parseBody(
    request,
    z.strictObject({ password: z.string().min(1).max(MAX_PASSWORD_LENGTH) }),
  );
  const refused = await checkCurrentPassword(request, found.store, found.user, password);
  if (refused) return refused;
  await disableTotp(found.store, found.user.id);
  await auditBy(found.store, actorOf(access), {
    action: 'account.totp.disable',
    target: found.user.id,
    result: 'ok',
    ip: clientAddress(request),
  });
  return json({ ok: true });
});
