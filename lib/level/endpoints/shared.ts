import type { PaginateFn } from '@/lib/level/pagination';
import type { GateLane } from '@/lib/level/request-gate';
import type { RequestFn } from '@/lib/level/transport';
import 'server-only';

/** What endpoint modules need from the client. */
export interface LevelTransport {
  request: RequestFn;
  paginate: PaginateFn;
}

export interface ListOptions {
  signal?: AbortSignal;
  /** The request gate's lane (default `sync`); the posture sync uses `background`. */
  lane?: GateLane;
}

/** Level's bulk calls take `device_ids`; large sets are sent in slices of this size. */
export const BULK_CHUNK_SIZE = 100;

/** Unique ids in slices of `size`, preserving first-seen order. */
export function chunkIds(ids: readonly string[], size: number = BULK_CHUNK_SIZE): string[][] {
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += size) chunks.push(unique.slice(i, i + size));
  return chunks;
}

/** Maps every item of an async iterable of pages. */
export async function* mapPages<T, U>(
  pages: AsyncIterable<T[]>,
  map: (item: T) => U,
): AsyncGenerator<U, void, undefined> {
  for await (const page of pages) {
    for (const item of page) yield map(item);
  }
}

/** Drops `undefined` members so a PATCH body only carries what the caller set. */
export function definedOnly(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}
