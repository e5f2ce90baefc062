import type { BusinessHours } from '@/lib/domain/report-settings';
import type { Span } from '@/lib/reports/availability-math';
import { isoWeekday, localTimeOf, zonedToEpoch } from '@/lib/reports/zoned-time';
import 'server-only';

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const DAY_MS = 86_400_000;

/**
 * The business hours inside [start, end) as instants, ascending and disjoint. Each listed local
 * day opens at `from` and closes at `to` on its own wall clock, so a day the clocks change has
 * an hour more or less of business time. `to` at or before `from` crosses midnight: the span
 * belongs to the day it opens on (Friday 22:00–06:00 is Friday night into Saturday), as in the
 * notification rules (lib/notify/schedule.ts). `from` equal to `to` is the whole day.
 */
export function businessSpans(hours: BusinessHours, timeZone: string, start: number, end: number): Span[] {
  if (end <= start) return [];
  const open = minutesOf(hours.from);
  let close = minutesOf(hours.to);
  if (close <= open) close += 24 * 60;
  const days = new Set(hours.days);
  const first = localTimeOf(start, timeZone);
  const last = localTimeOf(end, timeZone);
  // From the local day before `start` (its span may run past midnight) to the local day of `end`.
  let cursor = Date.UTC(first.year, first.month - 1, first.day) - DAY_MS;
  const stop = Date.UTC(last.year, last.month - 1, last.day);
  const spans: Span[] = [];
  for (; cursor <= stop; cursor += DAY_MS) {
    const date = new Date(cursor);
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!days.has(isoWeekday(year, month, day))) continue;
    const from = Math.max(start, zonedToEpoch(year, month, day, open, timeZone));
    const to = Math.min(end, zonedToEpoch(year, month, day, close, timeZone));
    if (to <= from) continue;
    const previous = spans[spans.length - 1];
    // A midnight-crossing span can touch the next day's: keep the list disjoint.
    if (previous && from <= previous.end) previous.end = Math.max(previous.end, to);
    else spans.push({ start: from, end: to });
  }
  return spans;
}
