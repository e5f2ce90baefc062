import { HISTORY_RANGES, type HistoryRange, type HistoryResolution } from '@/lib/domain/history';
import { DAY, FIVE_MINUTES, HOUR, MINUTE, type Retention } from '@/lib/history/config';
import 'server-only';

// Which data answers a window: raw samples for up to 6 h (a point per sync: ≤ 720 at 30 s),
// 5-minute rollups for up to 7 days, hourly beyond — each only while retention still holds it,
// else the next coarser one. Points are merged into "nice" steps so a chart never gets more than
// `maxPoints` (default 800): 24 h → 5 min (288), 7 d → 15 min (672), 30 d → 1 h (720),
// 1 y → 12 h (730).

export type HistoryWindowInput = { range: HistoryRange } | { from: number; to: number };

export const RANGE_MS: Record<HistoryRange, number> = {
  '1h': HOUR,
  '24h': DAY,
  '7d': 7 * DAY,
  '30d': 30 * DAY,
  '1y': 365 * DAY,
};

export const DEFAULT_MAX_POINTS = 800;
const RAW_MAX_SPAN = 6 * HOUR;
const FIVE_MINUTE_MAX_SPAN = 7 * DAY;
const NICE_STEPS = [
  30_000,
  MINUTE,
  2 * MINUTE,
  FIVE_MINUTES,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

/** Thrown for windows that mean nothing (from ≥ to, not a number, unknown range). */
export class InvalidHistoryWindow extends Error {
  override name = 'InvalidHistoryWindow';
}

export function resolveWindow(input: HistoryWindowInput, now: number): { from: number; to: number } {
  if ('range' in input) {
    if (!HISTORY_RANGES.includes(input.range))
      throw new InvalidHistoryWindow(`Unknown range "${input.range}"`);
    return { from: now - RANGE_MS[input.range], to: now };
  }
  const { from, to } = input;
  if (!Number.isFinite(from) || !Number.isFinite(to))
    throw new InvalidHistoryWindow('from and to must be times');
  if (from >= to) throw new InvalidHistoryWindow('from must be before to');
  return { from, to };
}

/** The smallest nice step that is a whole multiple of `baseMs` and keeps the window within `maxPoints`. */
export function stepFor(spanMs: number, baseMs: number, maxPoints: number): number {
  for (const step of NICE_STEPS) {
    if (step >= baseMs && step % baseMs === 0 && Math.ceil(spanMs / step) <= maxPoints) return step;
  }
  return Math.ceil(spanMs / maxPoints / baseMs) * baseMs;
}

export function chooseResolution(
  window: { from: number; to: number },
  now: number,
  retention: Retention,
): HistoryResolution {
  const span = window.to - window.from;
  if (span <= RAW_MAX_SPAN && window.from >= now - retention.rawMs) return 'raw';
  if (span <= FIVE_MINUTE_MAX_SPAN && window.from >= now - retention.fiveMinuteMs) return '5m';
  return '1h';
}

export const RESOLUTION_MS: Record<Exclude<HistoryResolution, 'raw'>, number> = {
  '5m': FIVE_MINUTES,
  '1h': HOUR,
};
