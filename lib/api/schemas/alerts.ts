import { cursorParam, idParam, limitParam, listOf } from '@/lib/api/schemas/common';
import { ALERT_SORTS } from '@/lib/domain/alert-sort';
import type { AlertListQuery } from '@/lib/fleet/queries/alert-list';
import { z } from 'zod';

// Parses a URL into the fleet query's own type (lib/fleet/queries/alert-list.ts).

export const alertListQuery = z.strictObject({
  status: z
    .enum(['active', 'resolved', 'all'], { error: 'must be active, resolved or all' })
    .default('active'),
  severity: listOf(['information', 'warning', 'critical', 'emergency'], 'severities').optional(),
  /** A group id (its whole subtree), or `ungrouped`. */
  group: idParam.optional(),
  device: idParam.optional(),
  since: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
  q: z.string().trim().max(200, { error: 'must be at most 200 characters' }).optional(),
  sort: z.enum(ALERT_SORTS, { error: 'must be severity or newest' }).default('severity'),
  cursor: cursorParam.optional(),
  limit: limitParam(100, 500),
}) satisfies z.ZodType<AlertListQuery>;
