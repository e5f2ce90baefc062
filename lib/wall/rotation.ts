// Which view a wall shows, as a pure state machine: views rotate on a timer; a new critical
// problem takes the screen ("hold") until every problem that caused the hold is resolved (or the
// optional maximum hold has passed), then rotation resumes where it left off.

export interface Hold {
  /** Problem keys (see problems.ts) that caused the hold and are still unresolved. */
  keys: string[];
  since: number;
}

export interface RotationState {
  index: number;
  /** When the current view (or the hold) began. */
  shownAt: number;
  hold: Hold | null;
}

export interface RotationConfig {
  viewCount: number;
  intervalMs: number;
  /** 0 = hold until resolved. */
  holdMaxMs: number;
  /** Intervals each view stays (by index; default 1): the problems view stays one per page. */
  turns?: readonly number[];
}

export function startRotation(now: number, index = 0, viewCount = 1): RotationState {
  return { index: index >= 0 && index < viewCount ? index : 0, shownAt: now, hold: null };
}

/** Time passes: advance the rotation, or end a hold that has lasted its maximum. */
export function tick(state: RotationState, config: RotationConfig, now: number): RotationState {
  if (state.hold) {
    if (config.holdMaxMs > 0 && now - state.hold.since >= config.holdMaxMs) {
      return { ...state, hold: null, shownAt: now };
    }
    return state;
  }
  const turns = Math.max(1, config.turns?.[state.index] ?? 1);
  if (config.viewCount <= 1 || now - state.shownAt < config.intervalMs * turns) return state;
  // After a long pause (a sleeping tab) move one view on, not one per missed interval.
  return { ...state, index: (state.index + 1) % config.viewCount, shownAt: now };
}

/**
 * New problem data arrived: `appeared` are critical problems not seen before (they start or extend
 * a hold); `present` is every current problem key (a held problem absent from it is resolved).
 */
export function onProblems(
  state: RotationState,
  present: ReadonlySet<string>,
  appeared: readonly string[],
  now: number,
): RotationState {
  const kept = (state.hold?.keys ?? []).filter((key) => present.has(key));
  const fresh = appeared.filter((key) => present.has(key) && !kept.includes(key));
  if (fresh.length > 0) return { ...state, hold: { keys: [...fresh, ...kept], since: now } };
  if (!state.hold) return state;
  if (kept.length === 0) return { ...state, hold: null, shownAt: now };
  if (kept.length === state.hold.keys.length) return state;
  return { ...state, hold: { ...state.hold, keys: kept } };
}

/** Manually moving on (e.g. a resumed view after a reload) restarts the view's timer. */
export function showIndex(state: RotationState, index: number, now: number): RotationState {
  return { ...state, index, shownAt: now };
}
