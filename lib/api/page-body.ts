import type { Freshness, Page } from '@/lib/domain/fleet';
import 'server-only';

/** A list page as answered: its fields named one by one, so nothing else of the query's result rides along. */
export function pageBody<T>(
  page: { data: T[]; total: number; nextCursor: string | null },
  freshness: Freshness,
): Page<T> {
  return {
    data: page.data,
    total: page.total,
    nextCursor: page.nextCursor,
    syncedAt: freshness.syncedAt,
    stale: freshness.stale,
  };
}
