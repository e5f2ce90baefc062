import { isLevelApiError } from '@/lib/level/errors';
import 'server-only';

export interface BulkResult<T> {
  done: T[];
  failed: { id: string; error: unknown }[];
  /** Items not attempted because Level refused the key (403): nothing more is sent after one. */
  skipped: string[];
}

/**
 * Runs one Level call per item, at most `concurrency` at a time (the Level client's own gate also
 * keeps to the request budget and waits out 429s). A 403 stops the run: the key is read-only, and
 * every further call would be refused the same way.
 */
export async function forEachBounded<T>(
  ids: readonly string[],
  concurrency: number,
  call: (id: string) => Promise<T>,
): Promise<BulkResult<T>> {
  const result: BulkResult<T> = { done: [], failed: [], skipped: [] };
  let next = 0;
  let refused = false;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      if (refused) {
        result.skipped.push(id);
        continue;
      }
      try {
        result.done.push(await call(id));
      } catch (error) {
        if (isLevelApiError(error) && error.kind === 'forbidden') refused = true;
        result.failed.push({ id, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, ids.length)) }, worker));
  return result;
}
