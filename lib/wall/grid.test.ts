import { balancedRows, foldTiles, gridShape, MAX_TILES, tileCapacity } from '@/lib/wall/grid';
import { describe, expect, it } from 'vitest';

describe('client grid', () => {
  it('fills a 16:9 screen with wide tiles', () => {
    expect(gridShape(12, 1920, 900)).toEqual({ columns: 3, rows: 4 });
    expect(gridShape(24, 1920, 900)).toEqual({ columns: 5, rows: 5 });
    expect(gridShape(1, 1920, 900)).toEqual({ columns: 1, rows: 1 });
    expect(gridShape(48, 1920, 900).columns * gridShape(48, 1920, 900).rows).toBeGreaterThanOrEqual(48);
    expect(gridShape(0, 1920, 900)).toEqual({ columns: 1, rows: 1 });
  });

  it('folds the tail into one tile past the limit', () => {
    const list = Array.from({ length: 50 }, (_, n) => n);
    const { shown, folded } = foldTiles(list, 48);
    expect(shown).toHaveLength(47);
    expect(folded).toEqual([47, 48, 49]);
    expect(foldTiles([1, 2], 48)).toEqual({ shown: [1, 2], folded: [] });
  });
});

describe('balancedRows', () => {
  it('spreads a short last row over the others', () => {
    expect(balancedRows(13, 4)).toEqual([4, 3, 3, 3]);
    expect(balancedRows(10, 4)).toEqual([4, 3, 3]);
    expect(balancedRows(12, 4)).toEqual([4, 4, 4]);
    expect(balancedRows(1, 4)).toEqual([1]);
    expect(balancedRows(0, 4)).toEqual([]);
  });
});

describe('tileCapacity', () => {
  it('fits only tiles big enough for names that read across a room', () => {
    // The client area of a 1080p wall is about 118 × 52 rem: 4 columns of 4 rows.
    expect(tileCapacity(118, 52)).toBe(16);
    expect(tileCapacity(10, 5)).toBe(1);
    expect(tileCapacity(1_000, 1_000)).toBe(MAX_TILES);
    expect(tileCapacity(0, 0)).toBe(MAX_TILES);
  });
});
