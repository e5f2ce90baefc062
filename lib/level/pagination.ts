import { LevelInvalidResponseError } from '@/lib/level/errors';
import type { GateLane } from '@/lib/level/request-gate';
import { lenientListEnvelope, listEnvelope } from '@/lib/level/schemas/list-envelope';
import type { RequestFn } from '@/lib/level/transport';
import type { Query } from '@/lib/level/url';
import 'server-only';
import type { z } from 'zod';

// Cursor walk: `limit=100&starting_after=<cursor of the last item>` while `has_more`.

/** Level's maximum page size; never exceeded. */
export const MAX_PAGE_SIZE = 100;

export interface PaginateOptions {
  /** 1–100, default 100. */
  pageSize?: number;
  /** Start after this cursor instead of at the beginning (used to walk a list in parallel slices). */
  startingAfter?: string;
  /**
   * For lists whose envelope no trace pins (`/automations`): accept a bare array and a missing
   * `has_more`. Without `has_more`, a full page asks for the next one and a short page ends the
   * list; a page that brings only ids already seen (an API ignoring the cursor) ends it too.
   */
  lenient?: boolean;
  signal?: AbortSignal;
  /** The request gate's lane for every page (default `sync`). */
  lane?: GateLane;
}

export type PaginateFn = <T>(
  path: string,
  query: Query,
  itemSchema: z.ZodType<T>,
  options?: PaginateOptions,
) => AsyncGenerator<T[], void, undefined>;

/** `shownPath` turns a relative path into the URL path used in errors (`/devices` → `/v2/devices`). */
export function createPaginate(request: RequestFn, shownPath: (path: string) => string): PaginateFn {
  return async function* paginate<T>(
    path: string,
    query: Query,
    itemSchema: z.ZodType<T>,
    options: PaginateOptions = {},
  ): AsyncGenerator<T[], void, undefined> {
    const schema = (
      options.lenient ? lenientListEnvelope(itemSchema) : listEnvelope(itemSchema)
    ) as z.ZodType<{ data: T[]; has_more?: boolean } | T[]>;
    const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(options.pageSize ?? MAX_PAGE_SIZE)));
    let after: string | undefined = options.startingAfter;
    const seen = new Set<string>();
    for (;;) {
      const answer = await request('GET', path, {
        query: { ...query, limit: String(limit), starting_after: after },
        schema,
        signal: options.signal,
        lane: options.lane,
      });
      const page = Array.isArray(answer) ? { data: answer, has_more: undefined } : answer;
      if (options.lenient) {
        const fresh = page.data.filter((item) => {
          const id = cursorOf(item);
          if (id === null) return true;
          if (seen.has(id)) return false;
          seen.add(id);
          return true;
        });
        if (fresh.length > 0) yield fresh;
        if (!(page.has_more ?? page.data.length >= limit) || (page.data.length > 0 && fresh.length === 0))
          return;
      } else {
        if (page.data.length > 0) yield page.data;
        if (!page.has_more) return;
      }
      const next = cursorOf(page.data.at(-1));
      if (next === null || next === after) {
        // A cursor that does not advance would loop for ever; stop with a clear error instead.
        throw new LevelInvalidResponseError({ method: 'GET', path: shownPath(path), status: 200 }, [
          'data: has_more without a new id to continue from',
        ]);
      }
      after = next;
    }
  };
}

function cursorOf(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const value = (item as Record<string, unknown>).id;
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Drains an async iterable into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Flattens pages into items. */
export async function* flatten<T>(pages: AsyncIterable<T[]>): AsyncGenerator<T, void, undefined> {
  for await (const page of pages) yield* page;
}
