import { readFleet } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { requireClient } from '@/lib/api/routes/reports/client-lookup';
import { json } from '@/lib/api/types';
import { getStore } from '@/lib/db/instance';
import { availabilityView, type AvailabilityResponse } from '@/lib/domain/availability-view';
import { InvalidInputError } from '@/lib/domain/errors';
import { pseudonym } from '@/lib/redaction/redact';
import { clientDevices, computeClientAvailability } from '@/lib/reports/availability';
import { readClientReportSettings } from '@/lib/reports/client-settings';
import { startOfLocalMonth } from '@/lib/reports/zoned-time';
import 'server-only';
import { z } from 'zod';

const DAY = 86_400_000;
/** Transitions are kept 400 days (lib/history/config.ts): a longer window would only add unknown. */
const MAX_WINDOW = 400 * DAY;

const instant = z
  .string()
  .refine((value) => Number.isFinite(Date.parse(value)), 'an ISO 8601 time such as 2026-06-01T00:00:00Z')
  .transform((value) => Date.parse(value));

const querySchema = z.strictObject({
  clientId: z.string().min(1).max(200),
  from: instant.optional(),
  to: instant.optional(),
  hours: z.enum(['all', 'business']).optional(),
});

/**
 * A client's availability over [from, to) (default: this month so far, in the client's time
 * zone), all hours or business hours (default: the client's SLA hours). Scoped like every read:
 * a client outside the caller's scope is the same 404 as one that does not exist.
 */
export const availabilityRoute = route('reports.availability', async (request, _params, access) => {
  const query = parseQuery(request, querySchema);
  const read = readFleet(access);
  const client = requireClient(read, query.clientId);
  const store = await getStore();
  const settings = await readClientReportSettings(store, client.id);
  const now = Date.now();
  const from = query.from ?? startOfLocalMonth(now, settings.timeZone);
  const to = query.to ?? now;
  if (to <= from) throw new InvalidInputError('Invalid parameter "to": it must be after "from".');
  if (to - from > MAX_WINDOW)
    throw new InvalidInputError('Invalid parameter "to": at most 400 days after "from".');
  const result = await computeClientAvailability(store, {
    clientId: client.id,
    devices: clientDevices(read.snapshot, client.id),
    period: { start: from, end: to },
    hours: query.hours ?? settings.slaHours,
    settings,
    now,
  });
  const body: AvailabilityResponse = {
    clientId: client.id,
    clientName: client.name,
    availability: availabilityView(
      result,
      read.view.redact ? (device) => pseudonym(device.deviceId) : undefined,
    ),
    syncedAt: read.syncedAt,
    stale: read.stale,
  };
  return json(body, 200, { 'Cache-Control': 'private, no-cache', Vary: 'Cookie' });
});
