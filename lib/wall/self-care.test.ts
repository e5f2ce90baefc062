import {
  MIN_MEMORY_RELOAD_GAP_MS,
  MIN_RELOAD_GAP_MS,
  backoffDelay,
  pixelShift,
  reloadReason,
  type ReloadInput,
} from '@/lib/wall/self-care';
import { describe, expect, it } from 'vitest';

const base: ReloadInput = {
  now: 10 * 3_600_000,
  startedAt: 0,
  maxUptimeMs: 24 * 3_600_000,
  heapUsedBytes: 40 * 2 ** 20,
  heapLimitBytes: 512 * 2 ** 20,
  clientBuild: 'b1',
  serverBuild: 'b1',
  lastReloadAt: null,
};

describe('reloadReason', () => {
  it('stays put while all is well', () => {
    expect(reloadReason(base)).toBeNull();
    expect(reloadReason({ ...base, serverBuild: null, heapUsedBytes: null })).toBeNull();
  });

  it('reloads for a new build, a heap past its limit, or a long uptime', () => {
    expect(reloadReason({ ...base, serverBuild: 'b2' })).toBe('version');
    expect(reloadReason({ ...base, heapUsedBytes: 600 * 2 ** 20 })).toBe('memory');
    expect(reloadReason({ ...base, now: 24 * 3_600_000 })).toBe('uptime');
  });

  it('treats 0 as "never"', () => {
    expect(
      reloadReason({ ...base, heapLimitBytes: 0, heapUsedBytes: 9e12, maxUptimeMs: 0, now: 9e12 }),
    ).toBeNull();
  });

  it('never reloads twice within the minimum gap (no reload loops)', () => {
    const input = { ...base, serverBuild: 'b2', lastReloadAt: base.now - MIN_RELOAD_GAP_MS + 1 };
    expect(reloadReason(input)).toBeNull();
    expect(reloadReason({ ...input, lastReloadAt: base.now - MIN_RELOAD_GAP_MS })).toBe('version');
  });

  it('spaces memory reloads wider, since the browser may still report the old heap', () => {
    const heavy = { ...base, heapUsedBytes: 600 * 2 ** 20 };
    expect(reloadReason({ ...heavy, lastReloadAt: base.now - MIN_MEMORY_RELOAD_GAP_MS + 1 })).toBeNull();
    expect(reloadReason({ ...heavy, lastReloadAt: base.now - MIN_MEMORY_RELOAD_GAP_MS })).toBe('memory');
    expect(
      reloadReason({ ...heavy, lastReloadAt: base.now - MIN_RELOAD_GAP_MS, now: base.now, startedAt: -9e9 }),
    ).toBe('uptime');
  });
});

describe('backoffDelay', () => {
  it('waits half the outage so far, never less than the poll period nor more than a minute', () => {
    expect([0, 1_000, 8_000, 30_000, 100_000, 3_600_000].map((down) => backoffDelay(5_000, down))).toEqual([
      5_000, 5_000, 5_000, 15_000, 50_000, 60_000,
    ]);
    expect(backoffDelay(1_000, 4_000)).toBe(2_000);
    expect(backoffDelay(120_000, 600_000)).toBe(120_000);
  });
});

describe('pixelShift', () => {
  it('cycles through nine positions around the centre, one step at a time', () => {
    const steps = Array.from({ length: 10 }, (_, n) => pixelShift(n));
    expect(steps[0]).toEqual({ x: 0, y: 0 });
    expect(steps[9]).toEqual(steps[0]);
    expect(new Set(steps.slice(0, 9).map((s) => `${s.x},${s.y}`)).size).toBe(9);
    for (let n = 1; n < 9; n += 1) {
      const a = steps[n] as { x: number; y: number };
      const b = steps[n + 1] as { x: number; y: number };
      if (n < 8) expect(Math.abs(a.x - b.x) + Math.abs(a.y - b.y)).toBeLessThanOrEqual(2);
    }
    expect(pixelShift(-1)).toEqual(pixelShift(8));
  });
});
