import { isIP } from 'node:net';
import 'server-only';

// Sign-in attempts are limited per client address only. A shared cap would let one attacker
// fill it and lock the admin out from everywhere; per address, an attacker locks out only
// themselves. IPv6 addresses count per /64, the block one host usually controls whole. Memory
// is bounded by forgetting the least recently seen addresses, which only ever frees a slot.

const WINDOW_MS = 60_000;
const PER_ADDRESS = 5;
const MAX_TRACKED = 10_000;

/** The limiter's key for an address: IPv4 as is, IPv6 by its /64 prefix. */
export function limiterKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => (Number.parseInt(g || '0', 16) || 0).toString(16))
    .join(':')}::/64`;
}

export class LoginLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxTracked = MAX_TRACKED,
  ) {}

  /** Records an attempt from `address`; returns the seconds to wait when it is over the limit, else 0. */
  attempt(address: string): number {
    const now = this.now();
    const key = limiterKey(address);
    const mine = (this.attempts.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    // Re-inserted so the map's order is least recently seen first.
    this.attempts.delete(key);
    this.attempts.set(key, mine);
    if (mine.length >= PER_ADDRESS) {
      return Math.max(1, Math.ceil(((mine[0] ?? now) + WINDOW_MS - now) / 1000));
    }
    mine.push(now);
    for (const oldest of this.attempts.keys()) {
      if (this.attempts.size <= this.maxTracked) break;
      this.attempts.delete(oldest);
    }
    return 0;
  }

  /** Addresses currently tracked (for tests of the memory bound). */
  get size(): number {
    return this.attempts.size;
  }
}
