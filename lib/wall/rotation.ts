// Which view a wall shows, as a pure state machine: views rotate on a timer; a problem newly worse
// than anything on screen takes the screen ("hold") until every problem that caused the hold is
// resolved or the maximum hold has passed, then rotation resumes where it left off. A busy fleet
// must never freeze the rotation (issue 16): the maximum counts from the start of the hold (a
// problem that joins it does not restart the clock unless it is worse than the hold), and after a
// hold a cool-down lets the rotation run; only something worse than the last hold interrupts it.

export interface Hold {
  /** Problem keys (see problems.ts) that caused the hold and are still unresolved. */
  keys: string[];
  since: number;
  /** How bad the worst held problem is (problems.ts `keyRank`); absent in a hold saved by an older build. */
  rank?: number;
}

/** After a hold: until when only a problem worse than `rank` may hold again. */
export interface Calm {
  until: number;
  rank: number;
}

export interface RotationState {
  index: number;
  /** When the current view (or the hold) began. */
  shownAt: number;
  hold: Hold | null;
  calm?: Calm | null;
}

export interface RotationConfig {
  viewCount: number;
  intervalMs: number;
  /** Longest hold; 0 = until resolved (only tests use that: the wall's config never gives 0). */
  holdMaxMs: number;
  /** Intervals each view stays (by index; default 1): the problems view stays one per page. */
  turns?: readonly number[];
  /** Rotation time after a hold before a problem no worse than it may hold again. */
  holdCooldownMs?: number;
}

export function startRotation(now: number, index = 0, viewCount = 1): RotationState {
  return { index: index >= 0 && index < viewCount ? index : 0, shownAt: now, hold: null };
}

function release(state: RotationState, hold: Hold, now: number, cooldownMs: number): RotationState {
  const calm = cooldownMs > 0 ? { until: now + cooldownMs, rank: hold.rank ?? 0 } : null;
  return { ...state, hold: null, shownAt: now, calm };
}

/** Time passes: advance the rotation, or end a hold that has lasted its maximum. */
export function tick(state: RotationState, config: RotationConfig, now: number): RotationState {
  if (state.hold) {
    if (config.holdMaxMs > 0 && now - state.hold.since >= config.holdMaxMs) {
      return release(state, state.hold, now, config.holdCooldownMs ?? 0);
    }
    return state;
  }
  const turns = Math.max(1, config.turns?.[state.index] ?? 1);
  if (config.viewCount <= 1 || now - state.shownAt < config.intervalMs * turns) return state;
  // After a long pause (a sleeping tab) move one view on, not one per missed interval.
  return { ...state, index: (state.index + 1) % config.viewCount, shownAt: now };
}

/** What the engine knows about the problems that just appeared (see engine.ts). */
export interface Worse {
  /** The worst appeared problem's rank. */
  rank: number;
  cooldownMs: number;
}

/**
 * New problem data arrived: `appeared` are problems not seen before and worse than anything
 * already on screen (they start or join a hold, `worse.rank` being the worst of them); `present`
 * is every current problem key (a held problem absent from it is resolved).
 */
export function onProblems(
  state: RotationState,
  present: ReadonlySet<string>,
  appeared: readonly string[],
  now: number,
  worse: Worse = { rank: 0, cooldownMs: 0 },
): RotationState {
  const kept = (state.hold?.keys ?? []).filter((key) => present.has(key));
  const fresh = appeared.filter((key) => present.has(key) && !kept.includes(key));
  const calm = state.calm && now < state.calm.until ? state.calm : null;
  if (fresh.length > 0 && state.hold) {
    // Worse than what is held: a new hold (the clock restarts; ranks are few, so this is bounded).
    const heldRank = state.hold.rank ?? 0;
    const restart = worse.rank > heldRank;
    const hold = restart
      ? { keys: [...fresh, ...kept], since: now, rank: worse.rank }
      : { keys: [...fresh, ...kept], since: state.hold.since, rank: heldRank };
    return { ...state, hold };
  }
  if (fresh.length > 0 && (!calm || worse.rank > calm.rank)) {
    return { ...state, hold: { keys: fresh, since: now, rank: worse.rank }, calm: null };
  }
  if (!state.hold) return state;
  if (kept.length === 0) return release(state, state.hold, now, worse.cooldownMs);
  if (kept.length === state.hold.keys.length) return state;
  return { ...state, hold: { ...state.hold, keys: kept } };
}

/** Manually moving on (e.g. a resumed view after a reload) restarts the view's timer. */
export function showIndex(state: RotationState, index: number, now: number): RotationState {
  return { ...state, index, shownAt: now };
}
