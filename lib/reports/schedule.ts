import type { ReportPeriod } from '@/lib/domain/report';
import type { ReportScheduleDefinition } from '@/lib/domain/report-settings';
import { monthPeriod, previousMonth } from '@/lib/reports/period';
import { localTimeOf, zonedToEpoch } from '@/lib/reports/zoned-time';

// When a scheduled report runs and what it covers, as wall-clock dates in the schedule's IANA
// zone. Pure: Intl knows the zone's offsets, nothing here reads the clock.
// A local time that does not exist (the hour skipped when clocks go forward) is moved forward by
// the gap (02:30 on a spring-forward night is 03:30); one that exists twice (clocks go back)
// takes the first. A local midnight that does not exist (some zones change at 00:00) is handled
// the same way, so a period always starts at the zone's first instant of its day.

export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall clock of `at` in `timeZone`. */
export const localDateTime = (at: number, timeZone: string) => localTimeOf(at, timeZone);

/**
 * The instant a wall-clock time happens in `timeZone`: the first of two when it is ambiguous, the
 * time shifted forward by the gap when it does not exist (zoned-time.ts decides both).
 */
export const zonedTimeToInstant = (local: LocalDateTime, timeZone: string) =>
  zonedToEpoch(local.year, local.month, local.day, local.hour * 60 + local.minute, timeZone);

const HOUR = 3_600_000;

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Month arithmetic on (year, month 1–12). */
function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

type Timing = Pick<ReportScheduleDefinition, 'dayOfMonth' | 'time' | 'timeZone'>;

function runIn(definition: Timing, year: number, month: number): number {
  const day = definition.dayOfMonth === 'last' ? daysInMonth(year, month) : definition.dayOfMonth;
  const [hour = 0, minute = 0] = definition.time.split(':').map(Number);
  return zonedTimeToInstant({ year, month, day, hour, minute }, definition.timeZone);
}

/** The first run strictly after `after`. */
export function nextRunAfter(definition: Timing, after: number): number {
  const local = localDateTime(after, definition.timeZone);
  // This month's run, or else next month's; a third month only guards against a shifted time.
  for (let delta = 0; delta < 3; delta += 1) {
    const { year, month } = addMonths(local.year, local.month, delta);
    const at = runIn(definition, year, month);
    if (at > after) return at;
  }
  throw new Error('no run found within three months');
}

const midnight = (year: number, month: number, day: number, timeZone: string) =>
  zonedTimeToInstant({ year, month, day, hour: 0, minute: 0 }, timeZone);

/** The calendar month before the one `at` falls in, in `timeZone`. */
export const previousMonthPeriod = (at: number, timeZone: string): ReportPeriod =>
  previousMonth(at, timeZone);

/** The calendar month `yyyy-mm` in `timeZone`. */
export const monthPeriodOf = (yyyyMm: string, timeZone: string): ReportPeriod =>
  monthPeriod(yyyyMm, timeZone);

/** `yyyy-mm` of the month a period starts in, in `timeZone`. */
export function monthKeyOf(period: ReportPeriod, timeZone: string): string {
  const local = localDateTime(period.start, timeZone);
  return `${local.year}-${String(local.month).padStart(2, '0')}`;
}

/** The Monday-to-Sunday week before the one `at` falls in, in `timeZone`. */
export function previousWeekPeriod(at: number, timeZone: string): ReportPeriod {
  const local = localDateTime(at, timeZone);
  // Day arithmetic on a UTC calendar date: no zone in it, so no DST.
  const today = Date.UTC(local.year, local.month - 1, local.day);
  const isoWeekday = ((new Date(today).getUTCDay() + 6) % 7) + 1;
  const thisMonday = new Date(today - (isoWeekday - 1) * 24 * HOUR);
  const lastMonday = new Date(thisMonday.getTime() - 7 * 24 * HOUR);
  const at0 = (date: Date) =>
    midnight(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), timeZone);
  return { start: at0(lastMonday), end: at0(thisMonday) };
}

/** What a run at `at` reports on. */
export function periodOfRun(definition: Pick<ReportScheduleDefinition, 'period' | 'timeZone'>, at: number) {
  return definition.period === 'previous_week'
    ? previousWeekPeriod(at, definition.timeZone)
    : previousMonthPeriod(at, definition.timeZone);
}
