import { decryptSecret, encryptSecret } from '@/lib/auth/key-vault';
import type { Store } from '@/lib/db/open';
import { ConflictError, NotFoundError } from '@/lib/domain/errors';
import { newRecoveryCodes, parseRecoveryHashes, spendRecoveryCode } from '@/lib/users/recovery-codes';
import {
  claimTotpStep,
  clearTotp,
  credentialsOf,
  enableTotp,
  storePendingTotp,
  swapRecoveryCodes,
} from '@/lib/users/store';
import { matchTotp, newTotpSecret, totpUri } from '@/lib/users/totp';
import 'server-only';

// The second factor of a local account: enrolment (a secret, then a first code proves the app has
// it), and the check at sign-in (a TOTP code, or one of the recovery codes). The secret is sealed
// at rest with the key vault, like the Level API key.

function unseal(sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    return decryptSecret(sealed);
  } catch {
    // Sealed under another SESSION_SECRET: unusable; the person needs a recovery code or a reset.
    return null;
  }
}

/** A new secret for the person's app; TOTP stays off until confirmTotpEnrolment. */
export async function beginTotpEnrolment(
  store: Store,
  userId: string,
): Promise<{ secret: string; uri: string }> {
  const user = await credentialsOf(store, { id: userId });
  if (!user) throw new NotFoundError(`No user with id "${userId}".`);
  if (user.totp_enabled_at !== null)
    throw new ConflictError('totp_enabled', 'Two-factor sign-in is already on.');
  const secret = newTotpSecret();
  await storePendingTotp(store, userId, encryptSecret(secret));
  return { secret, uri: totpUri(secret, user.email) };
}

/** The recovery codes (to show once) when `code` matches the pending secret; null when it does not. */
export async function confirmTotpEnrolment(
  store: Store,
  userId: string,
  code: string,
  now = Date.now(),
): Promise<string[] | null> {
  const user = await credentialsOf(store, { id: userId });
  if (!user) throw new NotFoundError(`No user with id "${userId}".`);
  if (user.totp_enabled_at !== null)
    throw new ConflictError('totp_enabled', 'Two-factor sign-in is already on.');
  const secret = unseal(user.totp_secret);
  if (!secret || !user.totp_secret)
    throw new ConflictError('totp_not_started', 'Start two-factor enrolment first.');
  const step = matchTotp(secret, code, null, now);
  if (step === null) return null;
  const { codes, hashes } = newRecoveryCodes();
  if (
    !(await enableTotp(store, userId, { sealedSecret: user.totp_secret, step, recoveryHashes: hashes }, now))
  )
    throw new ConflictError('totp_changed', 'Enrolment changed meanwhile (another tab?). Start again.');
  return codes;
}

export const disableTotp = (store: Store, userId: string) => clearTotp(store, userId);

export type SecondFactorResult =
  { ok: true; via: 'totp' | 'recovery_code'; recoveryCodesLeft: number } | { ok: false };

/** Checks a TOTP code (never the same step twice) or a recovery code (spent once). */
export async function checkSecondFactor(
  store: Store,
  userId: string,
  code: string,
  now = Date.now(),
): Promise<SecondFactorResult> {
  const user = await credentialsOf(store, { id: userId });
  if (!user || user.totp_enabled_at === null) return { ok: false };
  const hashes = parseRecoveryHashes(user.recovery_codes);
  const trimmed = code.trim();
  if (/^\d[\d\s]*$/.test(trimmed)) {
    const secret = unseal(user.totp_secret);
    const step = secret ? matchTotp(secret, trimmed, user.totp_last_step, now) : null;
    if (step !== null && (await claimTotpStep(store, userId, step)))
      return { ok: true, via: 'totp', recoveryCodesLeft: hashes.length };
    return { ok: false };
  }
  const left = spendRecoveryCode(hashes, trimmed);
  if (
    left &&
    user.recovery_codes !== null &&
    (await swapRecoveryCodes(store, userId, user.recovery_codes, left))
  )
    return { ok: true, via: 'recovery_code', recoveryCodesLeft: left.length };
  return { ok: false };
}
