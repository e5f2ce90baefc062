// How a wall spent its time: in the rotation or held on a new problem (issue 16: a busy fleet once
// kept the wall in hold 85 % of the time). The page records every change of its `data-view`; this
// turns that log into shares and the longest hold.

/** [milliseconds since the page started, view] for each change, the first entry at the start. */
export type ViewLog = readonly (readonly [number, string])[];

export interface HoldShare {
  totalMs: number;
  holdMs: number;
  rotationMs: number;
  /** 0..1 */
  holdShare: number;
  holds: number;
  longestHoldMs: number;
}

export function holdShare(log: ViewLog, endMs: number): HoldShare {
  let holdMs = 0;
  let holds = 0;
  let longestHoldMs = 0;
  let holdStart: number | null = null;
  log.forEach(([at, view], index) => {
    const until = Math.min(endMs, log[index + 1]?.[0] ?? endMs);
    const held = view === 'hold';
    if (held) holdMs += Math.max(0, until - at);
    if (held && holdStart === null) {
      holdStart = at;
      holds += 1;
    }
    if (!held) holdStart = null;
    if (holdStart !== null) longestHoldMs = Math.max(longestHoldMs, until - holdStart);
  });
  const totalMs = Math.max(0, endMs - (log[0]?.[0] ?? endMs));
  return {
    totalMs,
    holdMs,
    rotationMs: totalMs - holdMs,
    holdShare: totalMs > 0 ? holdMs / totalMs : 0,
    holds,
    longestHoldMs,
  };
}
