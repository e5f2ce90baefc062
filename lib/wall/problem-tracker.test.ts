import { emptyTracker, isNew, parseTracker, track } from '@/lib/wall/problem-tracker';
import { describe, expect, it } from 'vitest';

describe('problem tracker', () => {
  it('primes on the first data: standing problems are not news', () => {
    const first = track(emptyTracker(), ['alert:1', 'offline:a'], 1_000);
    expect(first.appeared).toEqual([]);
    expect(first.state).toEqual({ known: { 'alert:1': 0, 'offline:a': 0 }, primed: true });
    expect(isNew(first.state, 'alert:1', 1_000, 300_000)).toBe(false);
  });

  it('reports keys that appear after priming and highlights them for a while', () => {
    const { state } = track(emptyTracker(), ['alert:1'], 1_000);
    const next = track(state, ['alert:1', 'alert:2'], 5_000);
    expect(next.appeared).toEqual(['alert:2']);
    expect(isNew(next.state, 'alert:2', 5_000 + 299_999, 300_000)).toBe(true);
    expect(isNew(next.state, 'alert:2', 5_000 + 300_000, 300_000)).toBe(false);
    expect(track(next.state, ['alert:1', 'alert:2'], 9_000).appeared).toEqual([]);
  });

  it('forgets resolved problems, so one that comes back is new again', () => {
    let state = track(emptyTracker(), ['offline:a'], 0).state;
    state = track(state, [], 1_000).state;
    expect(state.known).toEqual({});
    expect(track(state, ['offline:a'], 2_000).appeared).toEqual(['offline:a']);
  });

  it('reads back what it stored, and rejects anything else', () => {
    const { state } = track(track(emptyTracker(), [], 0).state, ['alert:3'], 10);
    expect(parseTracker(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(parseTracker({ known: { a: 'x' }, primed: true })).toBeNull();
    expect(parseTracker(null)).toBeNull();
  });
});
