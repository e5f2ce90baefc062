import type { Acknowledgement } from '@/lib/domain/acknowledgement';
import type { WallProblem } from '@/lib/domain/wall';
import { createWallEngine } from '@/lib/wall/engine';
import { isNew, track, withAcknowledged } from '@/lib/wall/problem-tracker';
import { acknowledgedKeys, problemRefsOf } from '@/lib/wall/problems';
import { describe, expect, it } from 'vitest';

// Issue 16: an acknowledged problem releases the hold, never chimes again and is no longer new.

const ACK: Acknowledgement = { note: 'on it', at: '2026-12-06T10:42:00.000Z' };
const config = { viewCount: 3, intervalMs: 10_000, holdMaxMs: 0 };
const problem = (deviceId: string, patch: Partial<WallProblem> = {}): WallProblem => ({
  deviceId,
  deviceName: deviceId,
  role: 'server',
  clientId: 'c',
  clientName: 'C',
  groupPath: ['C'],
  offline: null,
  alerts: [{ id: `${deviceId}-1`, name: 'Disk', severity: 'critical', startedAt: null, acknowledged: null }],
  latestAt: null,
  since: null,
  ...patch,
});
const acked = (deviceId: string) =>
  problem(deviceId, {
    alerts: [{ id: `${deviceId}-1`, name: 'Disk', severity: 'critical', startedAt: null, acknowledged: ACK }],
  });

describe('withAcknowledged', () => {
  it('treats acknowledged keys as seen: not new, not appeared', () => {
    const primed = track({ known: {}, primed: false }, ['alert:a'], 0).state;
    const tracked = track(primed, ['alert:a', 'alert:b', 'alert:c'], 1_000);
    expect(tracked.appeared).toEqual(['alert:b', 'alert:c']);
    const result = withAcknowledged(tracked, new Set(['alert:b']));
    expect(result.appeared).toEqual(['alert:c']);
    expect(result.changed).toBe(true);
    expect(isNew(result.state, 'alert:b', 2_000, 60_000)).toBe(false);
    expect(isNew(result.state, 'alert:c', 2_000, 60_000)).toBe(true);
    // Still known: when it resolves it is forgotten like any other.
    expect(result.state.known['alert:b']).toBe(0);
  });

  it('changes nothing when nothing is acknowledged', () => {
    const tracked = track({ known: { 'alert:a': 5 }, primed: true }, ['alert:a'], 10);
    const result = withAcknowledged(tracked, new Set(['alert:zzz']));
    expect(result.state).toBe(tracked.state);
    expect(result.changed).toBe(false);
  });
});

describe('the wall engine with acknowledgements', () => {
  it('an acknowledgement releases the hold it caused, and the problem stays quiet', () => {
    const engine = createWallEngine(config, null, 0);
    engine.problems([], 1);
    expect(engine.problems([problem('a')], 2)).toEqual(['alert:a-1']);
    expect(engine.get().rotation.hold?.keys).toEqual(['alert:a-1']);
    expect(engine.problems([acked('a')], 3)).toEqual([]);
    expect(engine.get().rotation.hold).toBeNull();
    expect(isNew(engine.get().tracker, 'alert:a-1', 4, 60_000)).toBe(false);
    // Still acknowledged on the next polls: no hold comes back.
    engine.problems([acked('a')], 5);
    expect(engine.get().rotation.hold).toBeNull();
  });

  it('a problem acknowledged before the wall saw it never appears; another one still holds', () => {
    const engine = createWallEngine(config, null, 0);
    engine.problems([], 1);
    expect(engine.problems([acked('a'), problem('b')], 2)).toEqual(['alert:b-1']);
    expect(engine.get().rotation.hold?.keys).toEqual(['alert:b-1']);
  });

  it('a device with one acknowledged and one open reason keeps holding for the open one', () => {
    const engine = createWallEngine(config, null, 0);
    engine.problems([], 1);
    const both = problem('a', { offline: { since: null, acknowledged: null } });
    engine.problems([both], 2);
    expect(engine.get().rotation.hold?.keys.sort()).toEqual(['alert:a-1', 'offline:a']);
    const half = problem('a', {
      offline: { since: null, acknowledged: ACK },
    });
    engine.problems([half], 3);
    expect(engine.get().rotation.hold?.keys).toEqual(['alert:a-1']);
  });
});

describe('acknowledgedKeys and problemRefsOf', () => {
  it('name each acknowledged reason, and turn wall keys into API references', () => {
    const p = problem('a', { offline: { since: null, acknowledged: ACK } });
    expect([...acknowledgedKeys([p, acked('b')])]).toEqual(['offline:a', 'alert:b-1']);
    expect(problemRefsOf(['offline:a', 'alert:b-1', 'other'])).toEqual([
      { kind: 'offline', deviceId: 'a' },
      { kind: 'alert', alertId: 'b-1' },
    ]);
  });
});
