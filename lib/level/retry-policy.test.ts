import { backoffDelay, parseRetryAfter } from '@/lib/level/retry-policy';
import { describe, expect, it } from 'vitest';

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP-dates', () => {
    const now = Date.parse('2026-05-03T14:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Sun, 03 May 2026 14:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Sun, 03 May 2026 13:00:00 GMT', now)).toBe(0);
  });

  it('returns null for an absent or unreadable header', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('')).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt within 50–100 % jitter and respects the cap', () => {
    const options = { baseMs: 100, maxMs: 1000 };
    expect(backoffDelay(1, { ...options, random: () => 0 })).toBe(50);
    expect(backoffDelay(1, { ...options, random: () => 1 })).toBe(100);
    expect(backoffDelay(3, { ...options, random: () => 1 })).toBe(400);
    expect(backoffDelay(10, { ...options, random: () => 1 })).toBe(1000);
  });
});
