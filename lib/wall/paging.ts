// The problems view pages through every problem on the wall's own timer: each page stays one
// rotation interval, and the rotation stays on the view until every page has been shown (a
// view of N pages takes N turns, see rotation.ts). Page 1 always opens a visit, and the list is
// severity first, so the worst problem is on screen first every time.

/** Rows that fit at every supported resolution (the wall scales as a whole). */
export const PROBLEM_ROWS = 8;

export function pageCount(rows: number, perPage = PROBLEM_ROWS): number {
  return Math.max(1, Math.ceil(rows / perPage));
}

/** Which page (0-based) is on screen `elapsedMs` after the view came up. */
export function pageAt(elapsedMs: number, intervalMs: number, pages: number): number {
  if (pages <= 1 || intervalMs <= 0) return 0;
  return Math.floor(Math.max(0, elapsedMs) / intervalMs) % pages;
}

export function pageRows<T>(rows: readonly T[], page: number, perPage = PROBLEM_ROWS): T[] {
  return rows.slice(page * perPage, (page + 1) * perPage);
}
