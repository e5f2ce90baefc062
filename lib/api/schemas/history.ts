import { HISTORY_RANGES } from '@/lib/domain/history';
import { z } from 'zod';

const time = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time' })
  .transform((value) => Date.parse(value));

/** `range` (1h, 24h, 7d, 30d, 1y) or an explicit `from`/`to`; default 24 h. */
export const historyWindowQuery = z
  .strictObject({
    range: z.enum(HISTORY_RANGES, { error: `must be one of ${HISTORY_RANGES.join(', ')}` }).optional(),
    from: time.optional(),
    to: time.optional(),
  })
  .superRefine((query, ctx) => {
    if (query.range && (query.from !== undefined || query.to !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['range'], message: 'cannot be combined with from/to' });
    }
    if ((query.from === undefined) !== (query.to === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [query.from === undefined ? 'from' : 'to'],
        message: 'from and to go together',
      });
    }
    if (query.from !== undefined && query.to !== undefined && query.from >= query.to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be before to' });
    }
  })
  .transform((query) =>
    query.from !== undefined && query.to !== undefined
      ? { from: query.from, to: query.to }
      : { range: query.range ?? '24h' },
  );

export const changesQuery = z.strictObject({
  since: time.optional(),
  limit: z.coerce
    .number({ error: 'must be a whole number from 1 to 500' })
    .int()
    .min(1, { error: 'must be a whole number from 1 to 500' })
    .max(500, { error: 'must be a whole number from 1 to 500' })
    .default(100),
});
