import type { WallProblem } from '@/lib/domain/wall';
import { emptyTracker, track, withAcknowledged, type TrackerState } from '@/lib/wall/problem-tracker';
import { acknowledgedKeys, allProblemKeys, keyRanks, newlyWorse } from '@/lib/wall/problems';
import type { Resume } from '@/lib/wall/resume';
import {
  onProblems,
  startRotation,
  tick,
  type RotationConfig,
  type RotationState,
} from '@/lib/wall/rotation';

// The wall's moving parts in one external store (no React): the rotation timer and the problem
// feed both go through here, and React reads it with useSyncExternalStore.

export interface WallState {
  rotation: RotationState;
  tracker: TrackerState;
}

export interface WallEngine {
  get(): WallState;
  subscribe(listener: () => void): () => void;
  /** Advance the rotation clock. */
  tick(now: number): void;
  /** Fresh problems from the server; returns the keys that just appeared. */
  problems(problems: readonly WallProblem[], now: number): string[];
  configure(config: RotationConfig, now: number): void;
}

export function createWallEngine(config: RotationConfig, resume: Resume | null, now: number): WallEngine {
  let rotationConfig = config;
  let state: WallState = {
    rotation: { ...startRotation(now, resume?.index ?? 0, config.viewCount), hold: resume?.hold ?? null },
    tracker: resume?.tracker ?? emptyTracker(),
  };
  const listeners = new Set<() => void>();
  const set = (next: WallState) => {
    if (next.rotation === state.rotation && next.tracker === state.tracker) return;
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tick(at) {
      set({ ...state, rotation: tick(state.rotation, rotationConfig, at) });
    },
    problems(problems, at) {
      const keys = allProblemKeys(problems);
      // An acknowledged problem is not news: it neither holds the wall nor chimes (issue 16).
      const acknowledged = acknowledgedKeys(problems);
      const tracked = withAcknowledged(track(state.tracker, keys, at), acknowledged);
      const { appeared } = tracked;
      // Same problems as before: keep the old object so nothing re-renders.
      const unchanged =
        state.tracker.primed &&
        appeared.length === 0 &&
        !tracked.changed &&
        Object.keys(tracked.state.known).length === Object.keys(state.tracker.known).length;
      const tracker = unchanged ? state.tracker : tracked.state;
      // Acknowledged problems keep no hold; only what is newly worse than the screen starts one.
      const holding = acknowledged.size ? keys.filter((key) => !acknowledged.has(key)) : keys;
      // What someone is already on doesn't raise the bar: a new critical beside an acknowledged
      // one is news.
      const ranks = keyRanks(problems);
      for (const key of acknowledged) ranks.delete(key);
      const worse = newlyWorse(ranks, appeared);
      const rotation = onProblems(state.rotation, new Set(holding), worse.keys, at, {
        rank: worse.rank,
        cooldownMs: rotationConfig.holdCooldownMs ?? 0,
      });
      set({ rotation, tracker });
      return appeared;
    },
    configure(next, at) {
      rotationConfig = next;
      if (state.rotation.index >= next.viewCount)
        set({ ...state, rotation: { ...startRotation(at, 0, next.viewCount), hold: state.rotation.hold } });
    },
  };
}
