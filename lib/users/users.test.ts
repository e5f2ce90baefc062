import { ConflictError } from '@/lib/domain/errors';
import { isBreakGlassEnabled, setBreakGlassEnabled } from '@/lib/users/break-glass';
import { claimInvite, createInvite, findOpenInvite, INVITE_TTL_MS, RESET_TTL_MS } from '@/lib/users/invites';
import { hashPassword, verifyPassword } from '@/lib/users/password';
import {
  createUser,
  credentialsOf,
  enabledAdmins,
  getUser,
  listUsers,
  setDisabled,
  setPasswordHash,
  updateUser,
} from '@/lib/users/store';
import {
  beginTotpEnrolment,
  checkSecondFactor,
  confirmTotpEnrolment,
  disableTotp,
} from '@/lib/users/two-factor';
import { ENGINES, openTestStore } from '@/testing/stores';
import { useTestSecrets } from '@/testing/test-secrets';
import { Secret, TOTP } from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';

const codeAt = (secret: string, at: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: at,
  });

describe.each(ENGINES)('local accounts on %s', (engine) => {
  beforeAll(() => useTestSecrets());

  async function withStore(run: (store: Awaited<ReturnType<typeof openTestStore>>) => Promise<void>) {
    const store = await openTestStore(engine);
    try {
      await run(store);
    } finally {
      await store.close();
    }
  }

  const technician = {
    email: 'Ada@Example.COM ',
    name: 'Ada Lovelace',
    role: 'technician' as const,
    scope: { kind: 'groups' as const, groupIds: ['g1'] },
  };

  it('creates a person with a lower-cased unique e-mail, no password, and lists them without secrets', async () => {
    await withStore(async (store) => {
      const user = await createUser(store, technician);
      expect(user).toMatchObject({ email: 'ada@example.com', hasPassword: false, totpEnabled: false });
      await expect(createUser(store, { ...technician, email: 'ADA@example.com' })).rejects.toBeInstanceOf(
        ConflictError,
      );
      const listed = await listUsers(store);
      expect(listed).toHaveLength(1);
      expect(JSON.stringify(listed)).not.toMatch(/password_hash|totp_secret|recovery_codes/);
      // An admin is always the whole fleet, whatever scope came along.
      const promoted = await updateUser(store, user.id, { role: 'admin' });
      expect(promoted.scope).toEqual({ kind: 'fleet' });
      expect((await enabledAdmins(store)).map((a) => [a.id, a.canSignIn])).toEqual([[user.id, false]]);
    });
  });

  it('an invite link works once, and not after it expires', async () => {
    await withStore(async (store) => {
      const user = await createUser(store, technician);
      const t0 = 1_800_000_000_000;
      const token = await createInvite(store, { userId: user.id, purpose: 'invite', createdBy: 'test' }, t0);
      expect(token).toMatch(/^[\w-]{43}$/);
      // Only the hash is stored.
      const rows = await store.db.selectFrom('user_invites').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(token);

      expect(await findOpenInvite(store, token, t0 + INVITE_TTL_MS - 1)).toMatchObject({ userId: user.id });
      expect(await findOpenInvite(store, token, t0 + INVITE_TTL_MS)).toBeNull();
      expect(await claimInvite(store, token, t0 + INVITE_TTL_MS)).toBeNull();

      expect(await claimInvite(store, token, t0 + 1000)).toMatchObject({
        userId: user.id,
        purpose: 'invite',
      });
      expect(await claimInvite(store, token, t0 + 2000)).toBeNull();
      expect(await findOpenInvite(store, token, t0 + 2000)).toBeNull();
      expect(await findOpenInvite(store, 'not-a-token', t0)).toBeNull();
    });
  });

  it('a reset link lasts 24 h and replaces any earlier open link; two claims at once give one winner', async () => {
    await withStore(async (store) => {
      const user = await createUser(store, technician);
      const t0 = 1_800_000_000_000;
      const first = await createInvite(store, { userId: user.id, purpose: 'invite', createdBy: 'test' }, t0);
      const reset = await createInvite(
        store,
        { userId: user.id, purpose: 'reset', createdBy: 'test' },
        t0 + 1,
      );
      expect(await findOpenInvite(store, first, t0 + 2)).toBeNull();
      expect(await findOpenInvite(store, reset, t0 + 1 + RESET_TTL_MS)).toBeNull();
      const claims = await Promise.all([
        claimInvite(store, reset, t0 + 10),
        claimInvite(store, reset, t0 + 10),
        claimInvite(store, reset, t0 + 10),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
    });
  });

  it('a disabled person’s sessions end: the generation moves and the flag holds', async () => {
    await withStore(async (store) => {
      const user = await createUser(store, technician);
      const generation = async () =>
        Number(
          (
            await store.db
              .selectFrom('users')
              .select('session_generation')
              .where('id', '=', user.id)
              .executeTakeFirst()
          )?.session_generation,
        );
      const before = await generation();
      await setDisabled(store, user.id, true);
      expect(await generation()).toBe(before + 1);
      expect((await getUser(store, user.id))?.disabledAt).not.toBeNull();
      await setDisabled(store, user.id, false);
      expect((await getUser(store, user.id))?.disabledAt).toBeNull();
      await setPasswordHash(store, user.id, await hashPassword('a brand new password'), {
        endSessions: true,
      });
      expect(await generation()).toBe(before + 2);
      const creds = await credentialsOf(store, { email: 'ADA@example.com' });
      expect(await verifyPassword('a brand new password', creds!.password_hash!)).toBe(true);
    });
  });

  it('TOTP: enrolment needs a real code; a wrong code and a replayed code are refused; a recovery code works once', async () => {
    await withStore(async (store) => {
      const user = await createUser(store, technician);
      const t0 = 1_800_000_000_000;
      const { secret, uri } = await beginTotpEnrolment(store, user.id);
      expect(uri).toMatch(/^otpauth:\/\/totp\/Levelboard:ada%40example\.com\?/);
      expect(uri).toContain(`secret=${secret}`);
      // The secret is sealed at rest.
      const stored = await credentialsOf(store, { id: user.id });
      expect(stored?.totp_secret).not.toContain(secret);

      const good = codeAt(secret, t0);
      const wrong = good === '000000' ? '111111' : '000000';
      expect(await confirmTotpEnrolment(store, user.id, wrong, t0)).toBeNull();
      expect((await getUser(store, user.id))?.totpEnabled).toBe(false);
      const codes = await confirmTotpEnrolment(store, user.id, good, t0);
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      expect((await getUser(store, user.id))?.totpEnabled).toBe(true);
      await expect(beginTotpEnrolment(store, user.id)).rejects.toBeInstanceOf(ConflictError);

      // The enrolment code was spent: the same code in the same step is refused.
      expect(await checkSecondFactor(store, user.id, good, t0)).toEqual({ ok: false });
      expect(await checkSecondFactor(store, user.id, wrong, t0 + 30_000)).toEqual({ ok: false });
      const next = codeAt(secret, t0 + 30_000);
      expect(await checkSecondFactor(store, user.id, next, t0 + 30_000)).toMatchObject({
        ok: true,
        via: 'totp',
      });
      expect(await checkSecondFactor(store, user.id, next, t0 + 30_000)).toEqual({ ok: false });
      // One step of drift either side is accepted.
      expect(await checkSecondFactor(store, user.id, codeAt(secret, t0 + 90_000), t0 + 60_000)).toMatchObject(
        {
          ok: true,
        },
      );
      // Two steps off is not.
      expect(await checkSecondFactor(store, user.id, codeAt(secret, t0 + 240_000), t0 + 150_000)).toEqual({
        ok: false,
      });

      const [recovery] = codes!;
      expect(await checkSecondFactor(store, user.id, recovery!.toUpperCase(), t0)).toEqual({
        ok: true,
        via: 'recovery_code',
        recoveryCodesLeft: 9,
      });
      expect(await checkSecondFactor(store, user.id, recovery!, t0)).toEqual({ ok: false });
      expect((await getUser(store, user.id))?.recoveryCodesLeft).toBe(9);
      expect(await checkSecondFactor(store, user.id, 'aaaaa-aaaaa', t0)).toEqual({ ok: false });

      await disableTotp(store, user.id);
      expect((await getUser(store, user.id))?.totpEnabled).toBe(false);
      expect(await checkSecondFactor(store, user.id, codes![1]!, t0)).toEqual({ ok: false });
    });
  });

  it('the same TOTP code sent twice at once signs in once', async () => {
    await withStore(async (store) => {
      const user = await createUser(store, technician);
      const t0 = 1_800_000_000_000;
      const { secret } = await beginTotpEnrolment(store, user.id);
      await confirmTotpEnrolment(store, user.id, codeAt(secret, t0), t0);
      const code = codeAt(secret, t0 + 30_000);
      const results = await Promise.all(
        [1, 2, 3].map(() => checkSecondFactor(store, user.id, code, t0 + 30_000)),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
    });
  });

  it('break-glass can be turned off only while another enabled admin can sign in', async () => {
    await withStore(async (store) => {
      expect(await isBreakGlassEnabled(store)).toBe(true);
      await expect(setBreakGlassEnabled(store, false)).rejects.toBeInstanceOf(ConflictError);
      const admin = await createUser(store, { ...technician, email: 'boss@example.com', role: 'admin' });
      // Invited but without a password yet: cannot sign in, so still refused.
      await expect(setBreakGlassEnabled(store, false)).rejects.toBeInstanceOf(ConflictError);
      await setPasswordHash(store, admin.id, await hashPassword('the boss password'), { endSessions: false });
      await setDisabled(store, admin.id, true);
      await expect(setBreakGlassEnabled(store, false)).rejects.toBeInstanceOf(ConflictError);
      await setDisabled(store, admin.id, false);
      await setBreakGlassEnabled(store, false);
      expect(await isBreakGlassEnabled(store)).toBe(false);
      await setBreakGlassEnabled(store, true);
      expect(await isBreakGlassEnabled(store)).toBe(true);
    });
  });
});
