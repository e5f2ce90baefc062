import { describe, expect, it } from 'vitest';
import { percentile } from './percentiles';

describe('percentile (nearest rank)', () => {
  const twenty = Array.from({ length: 20 }, (_, i) => (i + 1) * 100);
  it('p50 and p95 of 20 measurements are the 10th and 19th', () => {
    expect(percentile(twenty, 50)).toBe(1_000);
    expect(percentile([...twenty].reverse(), 95)).toBe(1_900);
  });
  it('handles one value and none', () => {
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
