import type { Activity } from '@/lib/domain/activity';
import { mapPages, type LevelTransport, type ListOptions } from '@/lib/level/endpoints/shared';
import { isLevelApiError } from '@/lib/level/errors';
import { collect } from '@/lib/level/pagination';
import type { LevelLogger } from '@/lib/level/transport';
import 'server-only';
import { z } from 'zod';

/** Only the id is relied on; the route itself is unverified (REFERENCE §6.8). */
const levelActivitySchema = z.looseObject({ id: z.string().min(1) });

/** Answers that mean "this Level (or this key) has no activity log", not "try again later". */
const UNAVAILABLE = new Set([400, 403, 404]);

/**
 * `/v2/activities`, which may not exist. The first 400/403/404 turns the feature off for this
 * client (one log line, no further requests) instead of failing whatever asked; any other error
 * is thrown as usual. A new client (a new key) asks again.
 */
export function activitiesEndpoints(t: LevelTransport, logger?: LevelLogger) {
  let unavailable: { status: number } | null = null;
  return {
    /** Every activity, or null when Level does not offer the log. */
    async listAll(options: ListOptions = {}): Promise<Activity[] | null> {
      if (unavailable) return null;
      try {
        const pages = t.paginate('/activities', {}, levelActivitySchema, { ...options, lenient: true });
        return await collect(mapPages(pages, (item) => ({ id: item.id, fields: item })));
      } catch (error) {
        if (isLevelApiError(error) && error.status !== undefined && UNAVAILABLE.has(error.status)) {
          unavailable = { status: error.status };
          logger?.warn(
            { status: error.status },
            `Level answered GET /v2/activities with ${error.status}; the activity log is off for this key`,
          );
          return null;
        }
        throw error;
      }
    },
    /** Why the activity log is off (the status Level answered), or null while it may work. */
    unavailable: () => unavailable,
  };
}
