import {
  normalizeAddress,
  parseTrustProxy,
  resolveClientAddress,
  type TrustedProxies,
} from '@/lib/config/trust-proxy';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { processWide } from '@/lib/process-wide';
import 'server-only';

// The TCP peer reaches Next's route handlers through a header that the production entry
// (server/levelboard-server.cjs) stamps on every request after deleting any copy the client
// sent, and announces in the process-wide registry (`edge`). Under `next dev` / `next start` nothing announces it, so the
// header is never read (a client could have written it) and the address is unknown.

type HeaderReader = (name: string) => string | undefined;

const edge = processWide('edge', () => ({}));

/** The socket address stamped by the production entry, or undefined without it. */
export function peerFromHeaders(header: HeaderReader): string | undefined {
  const name = edge.peerHeader;
  return name ? header(name) : undefined;
}

let trusted: TrustedProxies | undefined;

function trustedProxies(): TrustedProxies {
  if (trusted) return trusted;
  const parsed = parseTrustProxy(getEnv().TRUST_PROXY);
  // getEnv() has already refused an invalid TRUST_PROXY; trusting nobody is the safe reading anyway.
  trusted = parsed.ok ? parsed.trusted : { empty: true, has: () => false };
  return trusted;
}

let warned = false;

/** The client's address (see resolveClientAddress), or "unknown" when the peer is not known. */
export function clientAddressOf(peer: string | undefined, header: HeaderReader): string {
  const address = resolveClientAddress(peer, header('x-forwarded-for'), trustedProxies());
  if (address) return address;
  if (!warned) {
    warned = true;
    logger.warn(
      {},
      'Client addresses are unknown (not started by levelboard-server.js): every sign-in attempt shares one rate limit',
    );
  }
  return 'unknown';
}

/** True when the client reached us over TLS, as far as we can know: a trusted proxy says https. */
export function cameOverHttps(peer: string | undefined, header: HeaderReader): boolean {
  if (trustedProxies().empty) return false;
  const address = normalizeAddress(peer);
  if (!address || !trustedProxies().has(address)) return false;
  return header('x-forwarded-proto')?.split(',').at(-1)?.trim().toLowerCase() === 'https';
}
