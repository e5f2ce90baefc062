import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import 'server-only';

// One-time recovery codes for a person whose authenticator is gone. Shown once at TOTP enrolment;
// only their SHA-256 is stored (50 random bits each, tried at the rate-limited sign-in, are not
// worth a slow hash), and a code that signs someone in is removed.

export const RECOVERY_CODE_COUNT = 10;
/** Crockford-like: no 0/O, 1/l/I to misread from paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUP = 5;

const normalise = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
export const hashRecoveryCode = (code: string) =>
  createHash('sha256')
    .update(`levelboard recovery\u0000${normalise(code)}`)
    .digest('hex');

/** `xxxxx-xxxxx`: two groups of five for reading aloud. */
function newCode(): string {
  let raw = '';
  for (let i = 0; i < GROUP * 2; i += 1) raw += ALPHABET[randomInt(ALPHABET.length)];
  return `${raw.slice(0, GROUP)}-${raw.slice(GROUP)}`;
}

/** New codes (to show once) and their hashes (to store). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): { codes: string[]; hashes: string[] } {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newCode());
  const list = [...codes];
  return { codes: list, hashes: list.map(hashRecoveryCode) };
}

/** The hashes left once `code` is spent, or null when it is none of them. */
export function spendRecoveryCode(hashes: readonly string[], code: string): string[] | null {
  if (normalise(code).length !== GROUP * 2) return null;
  const given = Buffer.from(hashRecoveryCode(code), 'hex');
  // Every stored hash is compared, so the time taken says nothing about which one matched.
  let found = -1;
  hashes.forEach((hash, index) => {
    const stored = Buffer.from(hash, 'hex');
    if (stored.length === given.length && timingSafeEqual(stored, given)) found = index;
  });
  return found < 0 ? null : hashes.filter((_, index) => index !== found);
}

/** Parses the stored JSON column; anything else counts as no codes. */
export function parseRecoveryHashes(stored: string | null): string[] {
  if (!stored) return [];
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((h): h is string => typeof h === 'string') : [];
  } catch {
    return [];
  }
}
