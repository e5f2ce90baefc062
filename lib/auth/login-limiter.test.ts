import { LoginLimiter, limiterKey } from '@/lib/auth/login-limiter';
import { describe, expect, it } from 'vitest';

describe('LoginLimiter', () => {
  it('allows five attempts a minute per address, then asks to wait until the oldest expires', () => {
    let now = 1_000_000;
    const limiter = new LoginLimiter(() => now);
    expect([1, 2, 3, 4, 5, 6].map(() => limiter.attempt('198.51.100.7'))).toEqual([0, 0, 0, 0, 0, 60]);
    now += 59_000;
    expect(limiter.attempt('198.51.100.7')).toBe(1);
    now += 1_001;
    expect(limiter.attempt('198.51.100.7')).toBe(0);
  });

  it('an attacker on many addresses never blocks the admin on another', () => {
    const limiter = new LoginLimiter(() => 1_000_000);
    for (let i = 0; i < 5_000; i += 1) limiter.attempt(`10.${(i >> 8) & 255}.${i & 255}.1`);
    for (let i = 0; i < 50; i += 1) limiter.attempt('203.0.113.66');
    expect(limiter.attempt('198.51.100.7')).toBe(0);
  });

  it('keeps memory bounded by forgetting the least recently seen addresses', () => {
    const limiter = new LoginLimiter(() => 1_000_000, 100);
    for (let i = 0; i < 1_000; i += 1) limiter.attempt(`10.0.${i >> 8}.${i & 255}`);
    expect(limiter.size).toBe(100);
    expect(limiter.attempt('198.51.100.7')).toBe(0);
  });

  it('counts an IPv6 /64 as one address', () => {
    const limiter = new LoginLimiter(() => 1_000_000);
    const waits = [1, 2, 3, 4, 5, 6].map((n) => limiter.attempt(`2001:db8:1:2::${n.toString(16)}`));
    expect(waits.at(-1)).toBeGreaterThan(0);
    expect(limiter.attempt('2001:db8:1:3::1')).toBe(0);
  });
});

describe('limiterKey', () => {
  it('keeps IPv4 and reduces IPv6 to its /64', () => {
    expect(limiterKey('198.51.100.7')).toBe('198.51.100.7');
    expect(limiterKey('2001:db8:1:2::ff')).toBe('2001:db8:1:2::/64');
    expect(limiterKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(limiterKey('::1')).toBe('0:0:0:0::/64');
    expect(limiterKey('unknown')).toBe('unknown');
  });
});
