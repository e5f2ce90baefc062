import { diffDevices, transitionTime, type DeviceState } from '@/lib/history/device-diff';
import { makeDevice } from '@/testing/history-fleet';
import { describe, expect, it } from 'vitest';

const T = Date.UTC(2026, 0, 1, 12, 0, 0);
const iso = (t: number) => new Date(t).toISOString();

describe('transition times', () => {
  it('uses Level’s last-seen time between online and offline, clamped into (previous sync, this sync]', () => {
    expect(transitionTime('online', 'offline', iso(T - 10_000), T - 30_000, T)).toBe(T - 10_000);
    expect(transitionTime('offline', 'online', iso(T - 2_000), T - 30_000, T)).toBe(T - 2_000);
    // Clocks disagree: never before the sync that still saw the old status, never after this one.
    expect(transitionTime('online', 'offline', iso(T - 600_000), T - 30_000, T)).toBe(T - 30_000);
    expect(transitionTime('online', 'offline', iso(T + 5_000), T - 30_000, T)).toBe(T);
    expect(transitionTime('online', 'offline', null, T - 30_000, T)).toBe(T);
  });

  it('dates maintenance changes by the sync that saw them', () => {
    expect(transitionTime('online', 'maintenance', iso(T - 10_000), T - 30_000, T)).toBe(T);
    expect(transitionTime('maintenance', 'offline', iso(T - 10_000), T - 30_000, T)).toBe(T);
  });
});

describe('diffDevices', () => {
  it('records first sightings as states only, with Level’s last-seen time for devices found offline', () => {
    const diff = diffDevices(
      [makeDevice({ id: 'a' }), makeDevice({ id: 'b', online: false, lastSeenAt: T - 86_400_000 })],
      new Map(),
      T,
      null,
    );
    expect(diff.transitions).toEqual([]);
    expect(diff.upserts).toEqual([
      { device_id: 'a', status: 'online', since: T, seen_at: T },
      { device_id: 'b', status: 'offline', since: T - 86_400_000, seen_at: T },
    ]);
  });

  it('diffs against recorded states and lists devices Level no longer has', () => {
    const states = new Map<string, DeviceState>([
      ['a', { status: 'online', since: T - 3_600_000, seenAt: T - 7_200_000 }],
      ['b', { status: 'maintenance', since: T - 60_000, seenAt: T - 7_200_000 }],
      ['gone', { status: 'online', since: T - 60_000, seenAt: T - 7_200_000 }],
    ]);
    const diff = diffDevices(
      [
        makeDevice({ id: 'a', online: false, lastSeenAt: T - 20_000 }),
        makeDevice({ id: 'b', maintenance: true }),
      ],
      states,
      T,
      T - 30_000,
    );
    expect(diff.transitions).toEqual([
      { device_id: 'a', at: T - 20_000, from_status: 'online', to_status: 'offline' },
    ]);
    expect(diff.upserts).toEqual([
      { device_id: 'a', status: 'offline', since: T - 20_000, seen_at: T - 7_200_000 },
    ]);
    expect(diff.removed).toEqual(['gone']);
  });
});
