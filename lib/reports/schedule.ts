import type { ReportPeriod } from '@/lib/domain/report';
import type { ReportScheduleDefinition } from '@/lib/domain/report-settings';

// When a scheduled report runs and what it covers, as wall-clock dates in the schedule's IANA
// zone. Pure: Intl knows the zone's offsets, nothing here reads the clock.
// A local time that does not exist (the hour skipped when clocks go forward) is moved forward by
// the gap (02:30 on a spring-forward night is 03:30); one that exists twice (clocks go back)
// takes the first. A local midnight that does not exist (some zones change at 00:00) is handled
// the same way, so a period always starts at the zone's first instant of its day.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall clock of `at` in `timeZone` (seconds dropped). */
export function localDateTime(at: number, timeZone: string): LocalDateTime & { second: number } {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterOf(timeZone).formatToParts(at)) {
    if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
  }
  return out;
}

/** The wall clock read as if it were UTC: local ms. */
const asUtc = (local: LocalDateTime, second = 0) =>
  Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, second);

/** How far the zone's clock is ahead of UTC at `at`, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const local = localDateTime(at, timeZone);
  return asUtc(local, local.second) - Math.floor(at / 1000) * 1000;
}

const HOUR = 3_600_000;

/**
 * The instant a wall-clock time happens in `timeZone`: the first of two when it is ambiguous, the
 * time shifted forward by the gap when it does not exist.
 */
export function zonedTimeToInstant(local: LocalDateTime, timeZone: string): number {
  const wall = asUtc(local);
  // Zone transitions are far more than a day apart: the offsets a day before and a day after the
  // wall time are the only two it can have.
  const before = offsetAt(wall - 24 * HOUR, timeZone);
  const after = offsetAt(wall + 24 * HOUR, timeZone);
  const candidates = [...new Set([wall - before, wall - after])].sort((a, b) => a - b);
  for (const at of candidates) if (offsetAt(at, timeZone) === wall - at) return at;
  // In the gap: the offset from before the change, read after it, is the wall time moved forward.
  return wall - before;
}

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
export function previousMonthPeriod(at: number, timeZone: string): ReportPeriod {
  const local = localDateTime(at, timeZone);
  const previous = addMonths(local.year, local.month, -1);
  return {
    start: midnight(previous.year, previous.month, 1, timeZone),
    end: midnight(local.year, local.month, 1, timeZone),
  };
}

/** The calendar month `yyyy-mm` in `timeZone`. */
export function monthPeriodOf(yyyyMm: string, timeZone: string): ReportPeriod {
  const [year = 0, month = 0] = yyyyMm.split('-').map(Number);
  const next = addMonths(year, month, 1);
  return { start: midnight(year, month, 1, timeZone), end: midnight(next.year, next.month, 1, timeZone) };
}

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
