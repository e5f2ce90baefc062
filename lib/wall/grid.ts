// The client grid fills the screen whatever the number of clients: pick the column count that
// gives the largest tiles of a wide aspect, and past a limit fold the healthiest clients into
// one "and N more" tile (a wall is about what is broken).

export const MAX_TILES = 48;

export function gridShape(
  count: number,
  width: number,
  height: number,
  tileAspect = 2.2,
): { columns: number; rows: number } {
  if (count <= 0 || width <= 0 || height <= 0) return { columns: 1, rows: 1 };
  let best = { columns: 1, rows: count, size: 0 };
  for (let columns = 1; columns <= count; columns += 1) {
    const rows = Math.ceil(count / columns);
    const tileHeight = Math.min(height / rows, width / columns / tileAspect);
    if (tileHeight > best.size) best = { columns, rows, size: tileHeight };
  }
  return { columns: best.columns, rows: best.rows };
}

/** The smallest client tile, in the wall's rem: two lines of name, a headline, two lines of detail. */
export const TILE_MIN_REM = { width: 24, height: 10.5, gap: 1 };

/** How many tiles of at least TILE_MIN_REM fit an area (in rem); MAX_TILES at most, 1 at least. */
export function tileCapacity(widthRem: number, heightRem: number): number {
  if (!(widthRem > 0 && heightRem > 0)) return MAX_TILES;
  const { width, height, gap } = TILE_MIN_REM;
  const columns = Math.floor((widthRem + gap) / (width + gap));
  const rows = Math.floor((heightRem + gap) / (height + gap));
  return Math.min(MAX_TILES, Math.max(1, columns * rows));
}

/** The tiles to draw (worst first, as given) and how many were folded into the last one. */
export function foldTiles<T>(ordered: readonly T[], max = MAX_TILES): { shown: T[]; folded: T[] } {
  if (ordered.length <= max) return { shown: [...ordered], folded: [] };
  return { shown: ordered.slice(0, max - 1), folded: ordered.slice(max - 1) };
}

/** Row lengths for `count` tiles in at most `columns` per row, as even as possible (4,3,3 — not 4,4,2). */
export function balancedRows(count: number, columns: number): number[] {
  if (count <= 0) return [];
  const rows = Math.ceil(count / Math.max(1, columns));
  const base = Math.floor(count / rows);
  const extra = count % rows;
  return Array.from({ length: rows }, (_, row) => base + (row < extra ? 1 : 0));
}
