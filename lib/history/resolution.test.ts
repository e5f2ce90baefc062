import { DAY, DEFAULT_RETENTION, FIVE_MINUTES, HOUR, MINUTE } from '@/lib/history/config';
import {
  chooseResolution,
  DEFAULT_MAX_POINTS,
  InvalidHistoryWindow,
  RANGE_MS,
  resolveWindow,
  stepFor,
} from '@/lib/history/resolution';
import { describe, expect, it } from 'vitest';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

describe('resolution choice', () => {
  it.each([
    ['1h', 'raw', null],
    ['24h', '5m', FIVE_MINUTES],
    ['7d', '5m', 15 * MINUTE],
    ['30d', '1h', HOUR],
    ['1y', '1h', 12 * HOUR],
  ] as const)('%s → %s rollups, step %s ms', (range, resolution, step) => {
    const window = resolveWindow({ range }, NOW);
    expect(window).toEqual({ from: NOW - RANGE_MS[range], to: NOW });
    expect(chooseResolution(window, NOW, DEFAULT_RETENTION)).toBe(resolution);
    if (step !== null) {
      expect(
        stepFor(
          RANGE_MS[range],
          step === HOUR || step === 12 * HOUR ? HOUR : FIVE_MINUTES,
          DEFAULT_MAX_POINTS,
        ),
      ).toBe(step);
      expect(RANGE_MS[range] / step).toBeLessThanOrEqual(DEFAULT_MAX_POINTS);
      expect(RANGE_MS[range] / step).toBeGreaterThanOrEqual(24);
    }
  });

  it('falls back to coarser data where retention no longer holds the finer', () => {
    const old = (from: number, span: number) =>
      chooseResolution({ from, to: from + span }, NOW, DEFAULT_RETENTION);
    expect(old(NOW - 47 * HOUR, HOUR)).toBe('raw');
    expect(old(NOW - 3 * DAY, HOUR)).toBe('5m');
    expect(old(NOW - 40 * DAY, HOUR)).toBe('1h');
    expect(old(NOW - 6 * DAY, 12 * HOUR)).toBe('5m');
  });

  it('rejects windows that mean nothing', () => {
    expect(() => resolveWindow({ from: NOW, to: NOW }, NOW)).toThrow(InvalidHistoryWindow);
    expect(() => resolveWindow({ from: Number.NaN, to: NOW }, NOW)).toThrow(InvalidHistoryWindow);
    expect(() => resolveWindow({ range: '2h' as '1h' }, NOW)).toThrow(InvalidHistoryWindow);
  });
});
