import { Secret, TOTP } from 'otpauth';
import 'server-only';

// TOTP (RFC 6238) through otpauth: SHA-1, 6 digits, 30 s — what every authenticator app reads from
// an otpauth:// URI. A code is accepted one step either side (clock drift) and never twice: the
// caller stores the step it matched and passes it back as `lastStep`.

const PERIOD_S = 30;
const ISSUER = 'Levelboard';

function totpOf(secretBase32: string, label = 'Levelboard'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_S,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random secret (160 bits, RFC 4226's recommendation), base32 as apps take it by hand. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// URI the QR code carries. */
export const totpUri = (secretBase32: string, email: string): string =>
  totpOf(secretBase32, email).toString();

/** The time step `now` falls in. */
export const totpStep = (now = Date.now()): number => Math.floor(now / 1000 / PERIOD_S);

/**
 * The time step a code matches (now ± 1 step), or null: wrong, malformed, or a step at or before
 * `lastStep` (a code already used, or an older one, seen again).
 */
export function matchTotp(
  secretBase32: string,
  code: string,
  lastStep: number | null,
  now = Date.now(),
): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secretBase32).validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = totpStep(now) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
