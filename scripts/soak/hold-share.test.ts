import { describe, expect, it } from 'vitest';
import { holdShare } from './hold-share';

describe('holdShare', () => {
  it('adds up the time in hold, counts holds and finds the longest', () => {
    const log = [
      [0, 'fleet'],
      [5_000, 'clients'],
      [10_000, 'hold'],
      [40_000, 'problems'],
      [50_000, 'hold'],
      [60_000, 'hold'],
      [110_000, 'fleet'],
    ] as const;
    expect(holdShare(log, 120_000)).toEqual({
      totalMs: 120_000,
      holdMs: 90_000,
      rotationMs: 30_000,
      holdShare: 0.75,
      holds: 2,
      longestHoldMs: 60_000,
    });
  });

  it('counts a hold still on at the end up to the end', () => {
    expect(holdShare([[1_000, 'hold']], 11_000)).toMatchObject({
      holdMs: 10_000,
      longestHoldMs: 10_000,
      holds: 1,
    });
  });
});
