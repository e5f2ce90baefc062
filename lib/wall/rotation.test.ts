import { onProblems, showIndex, startRotation, tick, type RotationConfig } from '@/lib/wall/rotation';
import { describe, expect, it } from 'vitest';

const config: RotationConfig = { viewCount: 3, intervalMs: 20_000, holdMaxMs: 0 };
const present = (...keys: string[]) => new Set(keys);
const worse = (rank: number) => ({ rank, cooldownMs: 120_000 });

describe('rotation', () => {
  it('advances one view per interval and wraps around', () => {
    let state = startRotation(0);
    state = tick(state, config, 19_999);
    expect(state.index).toBe(0);
    state = tick(state, config, 20_000);
    expect(state).toMatchObject({ index: 1, shownAt: 20_000 });
    state = tick(tick(state, config, 40_000), config, 60_000);
    expect(state.index).toBe(0);
  });

  it('moves only one view after a long pause', () => {
    expect(tick(startRotation(0), config, 500_000)).toMatchObject({ index: 1, shownAt: 500_000 });
  });

  it('never rotates a single view', () => {
    expect(tick(startRotation(0), { ...config, viewCount: 1 }, 90_000).index).toBe(0);
  });

  it('holds on a new problem while it is unresolved, then resumes where it was', () => {
    let state = tick(startRotation(0), config, 20_000);
    state = onProblems(state, present('alert:1', 'alert:9'), ['alert:9'], 25_000);
    expect(state.hold).toEqual({ keys: ['alert:9'], since: 25_000, rank: 0 });
    state = tick(state, config, 500_000);
    expect(state.index).toBe(1);
    expect(state.hold).not.toBeNull();
    state = onProblems(state, present('alert:1', 'alert:9'), [], 510_000);
    expect(state.hold?.keys).toEqual(['alert:9']);
    state = onProblems(state, present('alert:1'), [], 520_000);
    expect(state).toEqual({ index: 1, shownAt: 520_000, hold: null, calm: null });
  });

  it('adds problems that appear during a hold and releases only when all are resolved', () => {
    let state = onProblems(startRotation(0), present('offline:a'), ['offline:a'], 1_000);
    state = onProblems(state, present('offline:a', 'alert:2'), ['alert:2'], 2_000);
    // Joining a hold does not restart its clock (a busy fleet would otherwise hold forever).
    expect(state.hold).toEqual({ keys: ['alert:2', 'offline:a'], since: 1_000, rank: 0 });
    state = onProblems(state, present('alert:2'), [], 3_000);
    expect(state.hold).toEqual({ keys: ['alert:2'], since: 1_000, rank: 0 });
    state = onProblems(state, present(), [], 4_000);
    expect(state.hold).toBeNull();
  });

  it('ignores an "appeared" key that is not present any more', () => {
    expect(onProblems(startRotation(0), present(), ['alert:1'], 1_000).hold).toBeNull();
  });

  it('ends a hold after its maximum when one is set', () => {
    const capped = { ...config, holdMaxMs: 60_000 };
    let state = onProblems(startRotation(0), present('alert:1'), ['alert:1'], 0);
    state = tick(state, capped, 59_999);
    expect(state.hold).not.toBeNull();
    state = tick(state, capped, 60_000);
    expect(state).toMatchObject({ hold: null, shownAt: 60_000 });
  });

  it('restarts the hold for a problem worse than what it holds', () => {
    let state = onProblems(startRotation(0), present('offline:a'), ['offline:a'], 0, worse(2));
    state = onProblems(state, present('offline:a', 'alert:e'), ['alert:e'], 50_000, worse(4));
    expect(state.hold).toEqual({ keys: ['alert:e', 'offline:a'], since: 50_000, rank: 4 });
  });

  it('rotates for the cool-down after a hold; only something worse holds during it', () => {
    const capped = { ...config, holdMaxMs: 60_000, holdCooldownMs: 120_000 };
    let state = onProblems(startRotation(0), present('alert:1'), ['alert:1'], 0, worse(3));
    state = tick(state, capped, 60_000);
    expect(state).toMatchObject({ hold: null, calm: { until: 180_000, rank: 3 } });
    // Another critical during the cool-down: highlighted by the views, not held.
    state = onProblems(state, present('alert:1', 'alert:2'), ['alert:2'], 70_000, worse(3));
    expect(state.hold).toBeNull();
    // An emergency is worse than the last hold: it holds at once.
    state = onProblems(state, present('alert:1', 'alert:3'), ['alert:3'], 80_000, worse(4));
    expect(state.hold).toEqual({ keys: ['alert:3'], since: 80_000, rank: 4 });
    // Resolved: a cool-down again, from the release.
    state = onProblems(state, present('alert:1'), [], 90_000, worse(0));
    expect(state).toMatchObject({ hold: null, shownAt: 90_000, calm: { until: 210_000, rank: 4 } });
    // After the cool-down a new critical may hold again.
    state = onProblems(state, present('alert:1', 'alert:4'), ['alert:4'], 210_000, worse(3));
    expect(state.hold).toMatchObject({ keys: ['alert:4'], since: 210_000 });
  });

  it('starts at a resumed index and restarts its timer when moved', () => {
    expect(startRotation(5, 2, 3)).toEqual({ index: 2, shownAt: 5, hold: null });
    expect(startRotation(5, 7, 3).index).toBe(0);
    expect(showIndex(startRotation(0), 2, 99)).toMatchObject({ index: 2, shownAt: 99 });
  });
});
