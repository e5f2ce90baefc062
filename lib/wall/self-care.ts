// When a wall reloads or backs off, as pure decisions; lib/wall/hooks apply them in the browser.

export type ReloadReason = 'version' | 'memory' | 'uptime';

export interface ReloadInput {
  now: number;
  startedAt: number;
  maxUptimeMs: number;
  heapUsedBytes: number | null;
  heapLimitBytes: number;
  clientBuild: string;
  serverBuild: string | null;
  /** The last self-reload of this tab, if any (sessionStorage). */
  lastReloadAt: number | null;
}

/** Never reload more often than this, whatever the reason: a loop would blank the wall. */
export const MIN_RELOAD_GAP_MS = 60_000;
/**
 * Chromium refreshes `performance.memory` at most every 20 minutes (without a flag), so right
 * after a reload it may still report the old page's heap: memory reloads are spaced wider.
 */
export const MIN_MEMORY_RELOAD_GAP_MS = 30 * 60_000;

export function reloadReason(input: ReloadInput): ReloadReason | null {
  const sinceReload = input.lastReloadAt === null ? Infinity : input.now - input.lastReloadAt;
  if (sinceReload < MIN_RELOAD_GAP_MS) return null;
  if (input.serverBuild !== null && input.serverBuild !== input.clientBuild) return 'version';
  if (
    input.heapLimitBytes > 0 &&
    input.heapUsedBytes !== null &&
    input.heapUsedBytes > input.heapLimitBytes &&
    sinceReload >= MIN_MEMORY_RELOAD_GAP_MS
  )
    return 'memory';
  if (input.maxUptimeMs > 0 && input.now - input.startedAt >= input.maxUptimeMs) return 'uptime';
  return null;
}

export const MAX_BACKOFF_MS = 60_000;

/**
 * Poll period while the server has been unreachable for `downForMs`: half the outage so far, at
 * least the normal period, at most a minute. Time-based rather than counting failures, so four
 * queries failing together back off no faster than one, and a wall is back within half an outage
 * (a minute at most) once the server answers.
 */
export function backoffDelay(baseMs: number, downForMs: number, maxMs = MAX_BACKOFF_MS): number {
  if (downForMs <= 0) return baseMs;
  return Math.min(Math.max(baseMs, downForMs / 2), Math.max(maxMs, baseMs));
}

// Eight positions around the centre, visited in an order that never jumps across the middle.
const SHIFT_PATTERN: readonly (readonly [number, number])[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [-1, 1],
  [-1, 0],
  [-1, -1],
  [0, -1],
  [1, -1],
];

/** The burn-in shift for step `n`, in multiples of the amplitude. */
export function pixelShift(step: number): { x: number; y: number } {
  const [x, y] = SHIFT_PATTERN[
    ((step % SHIFT_PATTERN.length) + SHIFT_PATTERN.length) % SHIFT_PATTERN.length
  ] ?? [0, 0];
  return { x, y };
}
