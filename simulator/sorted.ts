// Helpers for arrays kept sorted by a numeric key; every index in the store is one of these.
export type KeyOf<T> = (item: T) => number;

/** First index whose key is >= n. */
export function lowerBound<T>(items: readonly T[], n: number, key: KeyOf<T>): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid] as T) < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose key is > n. */
export function upperBound<T>(items: readonly T[], n: number, key: KeyOf<T>): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid] as T) <= n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function insertSorted<T>(items: T[], item: T, key: KeyOf<T>): void {
  const last = items[items.length - 1];
  // Generation appends in ascending order, so the common case is O(1).
  if (last === undefined || key(last) < key(item)) {
    items.push(item);
    return;
  }
  const at = lowerBound(items, key(item), key);
  if (items[at] !== undefined && key(items[at] as T) === key(item)) return;
  items.splice(at, 0, item);
}

export function removeSorted<T>(items: T[], n: number, key: KeyOf<T>): boolean {
  const at = lowerBound(items, n, key);
  const found = items[at];
  if (found === undefined || key(found) !== n) return false;
  items.splice(at, 1);
  return true;
}

export const byN = (item: { readonly n: number }): number => item.n;

/** Multi-valued index: key → records sorted by n. */
export function pushIndex<K, V extends { n: number }>(index: Map<K, V[]>, key: K, value: V): void {
  const list = index.get(key);
  if (list) insertSorted(list, value, byN);
  else index.set(key, [value]);
}

export function dropIndex<K, V extends { n: number }>(index: Map<K, V[]>, key: K, value: V): void {
  const list = index.get(key);
  if (!list) return;
  removeSorted(list, value.n, byN);
  if (list.length === 0) index.delete(key);
}
