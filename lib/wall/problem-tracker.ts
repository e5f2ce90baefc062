import { z } from 'zod';

// Which problems are new. The first data a wall sees only primes the tracker (a wall switched on
// during an outage should not treat every standing problem as news); after that, any key not
// present in the previous data has appeared. A resolved problem is forgotten, so if it comes
// back (a server that flaps) it counts as new again. Kept in sessionStorage across self-reloads.

export interface TrackerState {
  /** Problem key → when this wall first saw it (0 = already there when the wall started). */
  known: Record<string, number>;
  primed: boolean;
}

export const emptyTracker = (): TrackerState => ({ known: {}, primed: false });

export function track(
  state: TrackerState,
  present: readonly string[],
  now: number,
): { state: TrackerState; appeared: string[] } {
  const known: Record<string, number> = {};
  const appeared: string[] = [];
  for (const key of present) {
    const seen = state.known[key];
    if (seen !== undefined) known[key] = seen;
    else if (state.primed) {
      known[key] = now;
      appeared.push(key);
    } else known[key] = 0;
  }
  return { state: { known, primed: true }, appeared };
}

/** Highlight a problem this long after the wall saw it appear. */
export function isNew(state: TrackerState, key: string, now: number, highlightMs: number): boolean {
  const seen = state.known[key];
  return seen !== undefined && seen > 0 && now - seen < highlightMs;
}

const trackerSchema = z.object({ known: z.record(z.string(), z.number()), primed: z.boolean() });

export function parseTracker(raw: unknown): TrackerState | null {
  const parsed = trackerSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * Acknowledged problems are no longer news (issue 16): marked as seen since the wall started, so
 * they are never highlighted as new, and dropped from `appeared`, so they never start a hold or
 * chime. `changed` says whether any known problem lost its "new" mark.
 */
export function withAcknowledged(
  tracked: { state: TrackerState; appeared: string[] },
  acknowledged: ReadonlySet<string>,
): { state: TrackerState; appeared: string[]; changed: boolean } {
  if (acknowledged.size === 0) return { ...tracked, changed: false };
  const known = { ...tracked.state.known };
  let changed = false;
  for (const key of acknowledged) {
    const seen = known[key];
    if (seen === undefined || seen === 0) continue;
    known[key] = 0;
    changed = true;
  }
  return {
    state: changed ? { ...tracked.state, known } : tracked.state,
    appeared: tracked.appeared.filter((key) => !acknowledged.has(key)),
    changed,
  };
}
