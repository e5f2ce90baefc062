import { badRequest } from '@/simulator/errors';
import { decodeId, type IdType } from '@/simulator/ids';
import { lowerBound, upperBound, type KeyOf } from '@/simulator/sorted';
import type { Json } from '@/simulator/types';

export interface PageParams {
  limit: number;
  /** Numeric part of the cursor id; a deleted object's number still marks the right position. */
  startingAfter: number | null;
  endingBefore: number | null;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

/** Ordered access to a collection: ascending after a key, descending before one. */
export interface Source<T> {
  after(key: number): Iterable<T>;
  before(key: number): Iterable<T>;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
const LIMIT_ERROR = `limit must be an integer between 1 and ${MAX_LIMIT}`;

export function parsePageParams(query: URLSearchParams, cursorType: IdType): PageParams {
  const rawLimit = query.get('limit');
  let limit = DEFAULT_LIMIT;
  if (rawLimit !== null) {
    if (!/^[0-9]{1,4}$/.test(rawLimit)) throw badRequest(LIMIT_ERROR);
    limit = Number(rawLimit);
    if (limit < 1 || limit > MAX_LIMIT) throw badRequest(LIMIT_ERROR);
  }
  const startingAfter = cursor(query, 'starting_after', cursorType);
  const endingBefore = cursor(query, 'ending_before', cursorType);
  if (startingAfter !== null && endingBefore !== null) {
    throw badRequest('starting_after and ending_before cannot be used together');
  }
  return { limit, startingAfter, endingBefore };
}

function cursor(query: URLSearchParams, name: string, type: IdType): number | null {
  const raw = query.get(name);
  if (raw === null) return null;
  const decoded = decodeId(raw);
  if (decoded === null || decoded.type !== type) throw badRequest(`${name} is not a valid ${type} id`);
  return decoded.n;
}

export function paginate<T>(source: Source<T>, params: PageParams, accept?: (item: T) => boolean): Page<T> {
  const backwards = params.endingBefore !== null;
  const iterable = backwards
    ? source.before(params.endingBefore ?? 0)
    : source.after(params.startingAfter ?? Number.NEGATIVE_INFINITY);
  const items: T[] = [];
  let hasMore = false;
  for (const item of iterable) {
    if (accept && !accept(item)) continue;
    if (items.length === params.limit) {
      hasMore = true;
      break;
    }
    items.push(item);
  }
  // ending_before walks backwards; pages are always returned in ascending order.
  if (backwards) items.reverse();
  return { items, hasMore };
}

export function arraySource<T>(sorted: readonly T[], key: KeyOf<T>): Source<T> {
  return {
    *after(n) {
      for (let i = upperBound(sorted, n, key); i < sorted.length; i++) yield sorted[i] as T;
    },
    *before(n) {
      for (let i = lowerBound(sorted, n, key) - 1; i >= 0; i--) yield sorted[i] as T;
    },
  };
}

export function listBody<T>(page: Page<T>, render: (item: T) => Json): Json {
  return { data: page.items.map(render), has_more: page.hasMore };
}
