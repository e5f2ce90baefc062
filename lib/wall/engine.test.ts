import type { WallProblem } from '@/lib/domain/wall';
import { createWallEngine } from '@/lib/wall/engine';
import { describe, expect, it } from 'vitest';

const config = { viewCount: 4, intervalMs: 10_000, holdMaxMs: 0 };
const down = (deviceId: string): WallProblem => ({
  deviceId,
  deviceName: deviceId,
  role: 'server',
  clientId: 'c',
  clientName: 'C',
  groupPath: ['C'],
  offline: { since: null },
  alerts: [],
  latestAt: null,
  since: null,
});

describe('wall engine', () => {
  it('rotates, holds on a problem that appears, and resumes when it is resolved', () => {
    const engine = createWallEngine(config, null, 0);
    let notified = 0;
    engine.subscribe(() => (notified += 1));
    expect(engine.problems([down('a')], 1_000)).toEqual([]);
    engine.tick(10_000);
    expect(engine.get().rotation.index).toBe(1);
    expect(engine.problems([down('a'), down('b')], 12_000)).toEqual(['offline:b']);
    expect(engine.get().rotation.hold).toEqual({ keys: ['offline:b'], since: 12_000 });
    engine.tick(60_000);
    expect(engine.get().rotation.index).toBe(1);
    engine.problems([down('a')], 61_000);
    expect(engine.get().rotation).toEqual({ index: 1, shownAt: 61_000, hold: null });
    expect(notified).toBeGreaterThan(0);
  });

  it('does not notify when the same problems come back', () => {
    const engine = createWallEngine(config, null, 0);
    engine.problems([down('a')], 1);
    const before = engine.get();
    let notified = 0;
    engine.subscribe(() => (notified += 1));
    engine.problems([down('a')], 2);
    engine.tick(3);
    expect(notified).toBe(0);
    expect(engine.get()).toBe(before);
  });

  it('resumes index, hold and known problems after a reload', () => {
    const engine = createWallEngine(
      config,
      {
        index: 2,
        hold: { keys: ['offline:b'], since: 5 },
        tracker: { known: { 'offline:a': 0, 'offline:b': 5 }, primed: true },
        lastReloadAt: null,
        lastReload: null,
      },
      100,
    );
    expect(engine.get().rotation).toEqual({
      index: 2,
      shownAt: 100,
      hold: { keys: ['offline:b'], since: 5 },
    });
    // A problem that appeared while the page was reloading is still news.
    expect(engine.problems([down('a'), down('b'), down('c')], 200)).toEqual(['offline:c']);
    expect(engine.get().rotation.hold?.keys).toEqual(['offline:c', 'offline:b']);
  });

  it('starts over when the view list shrinks below the current index', () => {
    const engine = createWallEngine(config, null, 0);
    engine.tick(10_000);
    engine.tick(20_000);
    engine.tick(30_000);
    expect(engine.get().rotation.index).toBe(3);
    engine.configure({ ...config, viewCount: 2 }, 31_000);
    expect(engine.get().rotation).toMatchObject({ index: 0, shownAt: 31_000 });
  });
});
