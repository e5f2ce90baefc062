import type { ActivitiesResult, Activity } from '@/lib/domain/activity';
import type { LevelTransport, ListOptions } from '@/lib/level/endpoints/shared';
import { LevelNotFoundError } from '@/lib/level/errors';
import { levelActivitySchema } from '@/lib/level/schemas/activity';
import 'server-only';

// `/v2/activities` is unverified (one source): a 404 means "this account has no activity log".

export interface ActivityListOptions extends ListOptions {
  /** Stop after this many pages (the log can be long). Default 10. */
  maxPages?: number;
}

export function activitiesEndpoints(t: LevelTransport) {
  return {
    async list(options: ActivityListOptions = {}): Promise<ActivitiesResult> {
      const maxPages = options.maxPages ?? 10;
      const items: Activity[] = [];
      try {
        let pages = 0;
        for await (const page of t.paginate('/activities', {}, levelActivitySchema, {
          signal: options.signal,
        })) {
          for (const fields of page)
            items.push({ id: typeof fields.id === 'string' ? fields.id : null, fields });
          pages += 1;
          if (pages >= maxPages) break;
        }
      } catch (error) {
        if (error instanceof LevelNotFoundError) return { available: false };
        throw error;
      }
      return { available: true, items };
    },
  };
}

export type ActivitiesEndpoints = ReturnType<typeof activitiesEndpoints>;
