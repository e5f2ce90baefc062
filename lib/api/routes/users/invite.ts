import { parseBody } from '@/lib/api/body';
import { errorResult } from '@/lib/api/errors';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { clientAddress } from '@/lib/auth/access';
import { auditBy } from '@/lib/auth/audit';
import { endAllSessionsOf, startPersonSession } from '@/lib/auth/person-sessions';
import { getStore } from '@/lib/db/instance';
import { claimInvite, findOpenInvite } from '@/lib/users/invites';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/users/password';
import { personActor } from '@/lib/users/person-of';
import { getUser, setPasswordHash } from '@/lib/users/store';
import 'server-only';
import { z } from 'zod';

// The page behind an invite or reset link: whether the link still works (and whose it is), and
// setting the password, which uses the link up and signs the person in.

const gone = () =>
  errorResult(
    404,
    'invite_invalid',
    'This link has expired or was already used. Ask an admin for a new one.',
  );

export const inviteInfoRoute = route(
  'auth.invite.show',
  async (_request, params) => {
    const store = await getStore();
    const invite = await findOpenInvite(store, params.token ?? '');
    const user = invite ? await getUser(store, invite.userId) : null;
    if (!invite || !user || user.disabledAt !== null) return gone();
    return json({ email: user.email, name: user.name, purpose: invite.purpose, expiresAt: invite.expiresAt });
  },
  { access: 'public' },
);

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH);

export const acceptInviteRoute = route(
  'auth.invite.accept',
  async (request, params) => {
    const { password } = await parseBody(request, z.strictObject({ password: passwordSchema }));
    const token = params.token ?? '';
    const store = await getStore();
    const open = await findOpenInvite(store, token);
    const user = open ? await getUser(store, open.userId) : null;
    if (!open || !user || user.disabledAt !== null) return gone();
    // Hashed before the link is used up, so a failure here leaves the link working.
    const hash = await hashPassword(password);
    const claimed = await claimInvite(store, token);
    if (!claimed) return gone();
    await setPasswordHash(store, user.id, hash, { endSessions: false });
    // A reset: anything signed in under the old password (since the link was made) ends too.
    if (claimed.purpose === 'reset') await endAllSessionsOf(user.id);
    const ip = clientAddress(request);
    const cookie = await startPersonSession({
      userId: user.id,
      method: 'password',
      ip,
      userAgent: request.header('user-agent') ?? null,
    });
    await auditBy(store, personActor(user), {
      action: claimed.purpose === 'invite' ? 'user.invite.accept' : 'user.reset.accept',
      target: user.id,
      result: 'ok',
      ip,
    });
    return json({ ok: true }, 200, { 'Set-Cookie': cookie });
  },
  { access: 'public' },
);
