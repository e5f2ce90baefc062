import { secrets } from '@/lib/auth/secrets';
import { sealData, unsealData } from 'iron-session';
import 'server-only';

// Between the password and the TOTP code, the browser holds a ticket: sealed (encrypted + signed)
// under the session secret, naming the person and the session generation it was issued in, and
// good for 5 minutes. It is not a session: nothing but the TOTP step accepts it.

export const TICKET_TTL_S = 5 * 60;

interface Ticket {
  purpose: 'totp';
  userId: string;
  gen: number;
  issuedAt: number;
}

export const sealTicket = (userId: string, gen: number, now = Date.now()) =>
  sealData({ purpose: 'totp', userId, gen, issuedAt: now } satisfies Ticket, {
    password: secrets().sessionSecret,
    ttl: TICKET_TTL_S,
  });

/** The ticket's person and generation, or null: forged, expired, or not a ticket. */
export async function openTicket(
  sealed: string,
  now = Date.now(),
): Promise<{ userId: string; gen: number } | null> {
  try {
    const data = await unsealData<Partial<Ticket>>(sealed, {
      password: secrets().sessionSecret,
      ttl: TICKET_TTL_S,
    });
    if (data.purpose !== 'totp' || typeof data.userId !== 'string' || typeof data.gen !== 'number')
      return null;
    if (typeof data.issuedAt !== 'number' || now - data.issuedAt > TICKET_TTL_S * 1000) return null;
    return { userId: data.userId, gen: data.gen };
  } catch {
    return null;
  }
}
