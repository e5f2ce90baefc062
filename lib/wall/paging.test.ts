import { pageAt, pageCount, pageRows, PROBLEM_ROWS } from '@/lib/wall/paging';
import { onProblems, startRotation, tick, type RotationConfig } from '@/lib/wall/rotation';
import { describe, expect, it } from 'vitest';

describe('problem pages', () => {
  it('counts pages (at least one) and slices them', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(8)).toBe(1);
    expect(pageCount(44)).toBe(6);
    const rows = Array.from({ length: 44 }, (_, n) => n);
    expect(pageRows(rows, 0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(pageRows(rows, 5)).toEqual([40, 41, 42, 43]);
    expect(PROBLEM_ROWS).toBe(8);
  });

  it('shows one page per interval from page 1, wrapping', () => {
    expect(pageAt(0, 20_000, 6)).toBe(0);
    expect(pageAt(19_999, 20_000, 6)).toBe(0);
    expect(pageAt(20_000, 20_000, 6)).toBe(1);
    expect(pageAt(6 * 20_000, 20_000, 6)).toBe(0);
    expect(pageAt(50_000, 20_000, 1)).toBe(0);
  });

  it('keeps the rotation on a paged view until every page was shown, then starts the next visit on page 1', () => {
    const config: RotationConfig = { viewCount: 3, intervalMs: 20_000, holdMaxMs: 0, turns: [1, 3, 1] };
    let state = tick(startRotation(0, 0, 3), config, 20_000);
    expect(state).toMatchObject({ index: 1, shownAt: 20_000 });
    state = tick(state, config, 79_999);
    expect(state.index).toBe(1);
    expect(pageAt(79_999 - state.shownAt, 20_000, 3)).toBe(2);
    state = tick(state, config, 80_000);
    expect(state.index).toBe(2);
    // A hold in the middle of the pages: afterwards the view starts again at page 1.
    state = tick(tick(state, config, 100_000), config, 120_000);
    expect(state).toMatchObject({ index: 1, shownAt: 120_000 });
    state = onProblems(state, new Set(['alert:1']), ['alert:1'], 125_000);
    state = onProblems(state, new Set(), [], 130_000);
    expect(state).toMatchObject({ index: 1, shownAt: 130_000, hold: null });
  });
});
