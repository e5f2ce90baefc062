import { BlockList, isIP } from 'node:net';

// Pure (no server-only): the environment schema validates TRUST_PROXY with it at start-up.
// Without TRUST_PROXY no forwarded header is believed: the client is the TCP peer. Anything can
// write X-Forwarded-For, so only hops added by proxies we name may move the address off the socket.

const KEYWORDS: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
};

export interface TrustedProxies {
  /** True when the address (already normalised) is one of the named proxies. */
  has(address: string): boolean;
  readonly empty: boolean;
}

/** A bare IP address from a socket or header value ("::ffff:1.2.3.4", "[::1]:80", "1.2.3.4:80"), or null. */
export function normalizeAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  if (value.startsWith('['))
    value = value.slice(1, value.indexOf(']') === -1 ? undefined : value.indexOf(']'));
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const zone = value.indexOf('%');
  if (zone !== -1) value = value.slice(0, zone);
  if (isIP(value) === 0) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  return mapped?.[1] ?? value.toLowerCase();
}

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

export type TrustProxyResult = { ok: true; trusted: TrustedProxies } | { ok: false; problem: string };

/** Parses "10.0.0.1, 10.1.0.0/16, loopback" (addresses, CIDR ranges, loopback/private/linklocal). */
export function parseTrustProxy(value: string | undefined): TrustProxyResult {
  const list = new BlockList();
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries.flatMap((e) => KEYWORDS[e.toLowerCase()] ?? [e])) {
    const [address, prefixText, extra] = entry.split('/');
    const ip = normalizeAddress(address);
    const max = ip && isIP(ip) === 6 ? 128 : 32;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!ip || extra !== undefined || !/^\d+$/.test(prefixText ?? '0') || prefix > max) {
      return {
        ok: false,
        problem: `"${entry}" is not an IP address, a CIDR range (10.0.0.0/8) or one of loopback, private, linklocal`,
      };
    }
    list.addSubnet(ip, prefix, family(ip));
  }
  // BlockList.check costs microseconds; the same few peers (the proxies) ask on every request.
  const seen = new Map<string, boolean>();
  const has = (address: string) => {
    let trusted = seen.get(address);
    if (trusted === undefined) {
      trusted = list.check(address, family(address));
      if (seen.size >= 1_024) seen.clear();
      seen.set(address, trusted);
    }
    return trusted;
  };
  return { ok: true, trusted: { empty: entries.length === 0, has } };
}

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy; then X-Forwarded-For is
 * walked from the right (each proxy appends the address it saw) past trusted proxies to the first
 * hop that is not one. A malformed hop stops the walk at the last address a trusted proxy vouched
 * for. Null when the peer is unknown.
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: TrustedProxies,
): string | null {
  let client = normalizeAddress(peer);
  if (!client || !trusted.has(client) || !forwardedFor) return client;
  const hops = forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) return client;
    client = hop;
    if (!trusted.has(hop)) return hop;
  }
  return client;
}
