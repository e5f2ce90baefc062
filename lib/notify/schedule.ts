import type { RuleDefinition } from '@/lib/domain/notifications';

// Business hours and quiet hours are wall-clock times in the rule's time zone. An instant is
// turned into that zone's weekday and minute of the day by Intl, so daylight saving is the time
// zone database's business: on the night the clocks change, "22:00–07:00" still means from the
// local 22:00 to the local 07:00, however many real hours lie between.

type Hours = Pick<RuleDefinition, 'timeZone' | 'businessHours' | 'quietHours'>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The local ISO weekday (1 = Monday) and minute of the day of `at` in `timeZone`. */
export function localClock(at: number, timeZone: string): { weekday: number; minute: number } {
  let weekday = 1;
  let hour = 0;
  let minute = 0;
  for (const part of formatterOf(timeZone).formatToParts(at)) {
    if (part.type === 'weekday') weekday = WEEKDAYS[part.value] ?? 1;
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return { weekday, minute: hour * 60 + minute };
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Whether `minute` lies in [start, end); an end at or before the start crosses midnight. */
function inWindow(minute: number, start: string, end: string): boolean {
  const from = minutesOf(start);
  const to = minutesOf(end);
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/**
 * Whether a rule may send at `at`. Business hours that cross midnight belong to the day they
 * start on (Friday 22:00–02:00 includes Saturday 01:00); quiet hours hold every day.
 */
export function mayNotify(hours: Hours, at: number): boolean {
  const { weekday, minute } = localClock(at, hours.timeZone);
  const quiet = hours.quietHours;
  if (quiet && inWindow(minute, quiet.start, quiet.end)) return false;
  const business = hours.businessHours;
  if (!business) return true;
  if (!inWindow(minute, business.start, business.end)) return false;
  const from = minutesOf(business.start);
  const to = minutesOf(business.end);
  const startedYesterday = from >= to && minute < to;
  const day = startedYesterday ? ((weekday + 5) % 7) + 1 : weekday;
  return business.days.includes(day);
}
