import { balancedRows, foldTiles, gridShape } from '@/lib/wall/grid';
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
