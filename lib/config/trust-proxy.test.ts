import { normalizeAddress, parseTrustProxy, resolveClientAddress } from '@/lib/config/trust-proxy';
import { describe, expect, it } from 'vitest';

function trust(value: string | undefined) {
  const parsed = parseTrustProxy(value);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.trusted;
}

describe('normalizeAddress', () => {
  it('reduces socket and header forms to a bare address', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeAddress(' 203.0.113.9 ')).toBe('203.0.113.9');
    expect(normalizeAddress('203.0.113.9:51000')).toBe('203.0.113.9');
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normalizeAddress('unknown')).toBeNull();
    expect(normalizeAddress('')).toBeNull();
    expect(normalizeAddress(undefined)).toBeNull();
  });
});

describe('parseTrustProxy', () => {
  it('accepts addresses, CIDR ranges and the keywords', () => {
    const trusted = trust('10.0.0.1, 172.16.0.0/12, loopback, fd00::/8');
    expect(trusted.has('10.0.0.1')).toBe(true);
    expect(trusted.has('10.0.0.2')).toBe(false);
    expect(trusted.has('172.31.255.1')).toBe(true);
    expect(trusted.has('127.0.0.2')).toBe(true);
    expect(trusted.has('::1')).toBe(true);
    expect(trusted.has('fd12::5')).toBe(true);
    expect(trusted.has('203.0.113.9')).toBe(false);
  });

  it('trusts nobody when unset', () => {
    const trusted = trust(undefined);
    expect(trusted.empty).toBe(true);
    expect(trusted.has('127.0.0.1')).toBe(false);
  });

  it.each(['true', '*', '10.0.0.0/33', '10.0.0.0/8/1', 'proxy.local', '10.0.0.0/x'])(
    'refuses %s',
    (value) => {
      const parsed = parseTrustProxy(value);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem).toContain('is not an IP address, a CIDR range');
    },
  );
});

describe('resolveClientAddress', () => {
  const none = trust(undefined);
  const loopback = trust('loopback');

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(resolveClientAddress('::ffff:127.0.0.1', '198.51.100.7', none)).toBe('127.0.0.1');
    expect(resolveClientAddress('203.0.113.9', '198.51.100.7', loopback)).toBe('203.0.113.9');
  });

  it('walks the header from the right past trusted proxies', () => {
    // The client wrote "6.6.6.6" itself; the trusted proxy appended the address it saw.
    expect(resolveClientAddress('127.0.0.1', '6.6.6.6, 198.51.100.7', loopback)).toBe('198.51.100.7');
    const chain = trust('10.0.0.0/8');
    expect(resolveClientAddress('10.0.0.1', '6.6.6.6, 198.51.100.7, 10.0.0.2', chain)).toBe('198.51.100.7');
  });

  it('stops at the last vouched address when a hop is garbage, and uses the leftmost when all are trusted', () => {
    expect(resolveClientAddress('127.0.0.1', '198.51.100.7, not-an-ip', loopback)).toBe('127.0.0.1');
    expect(resolveClientAddress('127.0.0.1', '127.0.0.3, 127.0.0.2', loopback)).toBe('127.0.0.3');
    expect(resolveClientAddress('127.0.0.1', undefined, loopback)).toBe('127.0.0.1');
  });

  it('knows nothing without a peer, whatever the headers say', () => {
    expect(resolveClientAddress(undefined, '198.51.100.7', loopback)).toBeNull();
  });
});
