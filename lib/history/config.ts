import 'server-only';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Raw samples are written at least once per 5-minute bucket, and 5-minute rollups use the same grid. */
export const FIVE_MINUTES = 5 * MINUTE;

export interface Retention {
  rawMs: number;
  fiveMinuteMs: number;
  hourlyMs: number;
  /** Device transitions and alert events. */
  eventsMs: number;
}

export const DEFAULT_RETENTION: Retention = {
  rawMs: 48 * HOUR,
  fiveMinuteMs: 30 * DAY,
  hourlyMs: 400 * DAY,
  eventsMs: 400 * DAY,
};

export interface HistoryOptions {
  retention?: Partial<Retention>;
  /** Clock for "now" (closed buckets, ranges ending now, retention); tests and benchmarks move it. */
  now?: () => number;
  /** The server's sync period (default 30 s); sets how long one sync's figures are trusted. */
  syncIntervalMs?: number;
}

export interface HistoryConfig {
  retention: Retention;
  now: () => number;
  /**
   * A sync vouches for the fleet until the next sync, but for at most this long: beyond it the
   * time counts as "Levelboard was not watching" (a gap), never as "unchanged".
   */
  gapMs: number;
  /** A bucket is rolled up only this long after it ends, so a sync still being written is not missed. */
  closeGraceMs: number;
}

export function historyConfig(options: HistoryOptions = {}): HistoryConfig {
  const interval = options.syncIntervalMs ?? 30_000;
  return {
    retention: { ...DEFAULT_RETENTION, ...options.retention },
    now: options.now ?? Date.now,
    // Four periods: one failed or slow sync is not a gap; a Level outage of minutes is.
    gapMs: Math.max(2 * MINUTE, 4 * interval),
    closeGraceMs: MINUTE,
  };
}

export function floorTo(t: number, stepMs: number): number {
  return Math.floor(t / stepMs) * stepMs;
}
