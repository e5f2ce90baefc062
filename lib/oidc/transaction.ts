import { sealData, unsealData } from 'iron-session';
import 'server-only';

// What the callback must find again from the start of a sign-in: the state, the nonce and the PKCE
// verifier (none of which may be guessable by another site), where to go afterwards, and which
// provider it was started with. Kept in the browser itself, sealed (encrypted and signed) in a
// short-lived HttpOnly cookie sent only to /api/auth/oidc, so any replica can finish the sign-in.

export const TRANSACTION_COOKIE = 'levelboard_oidc';
export const TRANSACTION_TTL_S = 10 * 60;
const COOKIE_PATH = '/api/auth/oidc';

export interface OidcTransaction {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  issuer: string;
  clientId: string;
  redirectUri: string;
}

function serialize(value: string, maxAge: number, secure: boolean): string {
  // Lax: the provider's redirect back is a top-level GET navigation from its site, which Lax allows.
  const parts = [
    `${TRANSACTION_COOKIE}=${value}`,
    `Path=${COOKIE_PATH}`,
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAge}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export async function transactionCookie(
  data: OidcTransaction,
  password: string,
  secure: boolean,
): Promise<string> {
  const sealed = await sealData(data, { password, ttl: TRANSACTION_TTL_S });
  return serialize(sealed, TRANSACTION_TTL_S, secure);
}

export const clearedTransactionCookie = (secure: boolean) => serialize('', 0, secure);

/** The transaction in the cookie, or null (none, expired, forged, sealed under another secret). */
export async function openTransaction(
  sealed: string | undefined,
  password: string,
): Promise<OidcTransaction | null> {
  if (!sealed) return null;
  try {
    const data = await unsealData<Partial<OidcTransaction>>(sealed, { password, ttl: TRANSACTION_TTL_S });
    const fields = ['state', 'nonce', 'verifier', 'returnTo', 'issuer', 'clientId', 'redirectUri'] as const;
    return fields.every((field) => typeof data[field] === 'string') ? (data as OidcTransaction) : null;
  } catch {
    return null;
  }
}

/**
 * A path on this site to return to after sign-in, or `/`. Never another origin (`//evil`,
 * `/\evil`, `https://…`): an open redirect after sign-in would hand a phishing page a trusted start.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\\]/.test(value) || value.length > 2000) return '/';
  const base = 'http://levelboard.invalid';
  if (!URL.canParse(value, base)) return '/';
  const url = new URL(value, base);
  if (url.origin !== base) return '/';
  if (url.pathname === '/login' || url.pathname.startsWith('/api/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
