import 'server-only';

// Wall-clock arithmetic in an IANA time zone through Intl only: the zone database decides every
// offset, so daylight saving needs no table of ours.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface LocalTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock of `timeZone` at the instant `at`. */
export function localTimeOf(at: number, timeZone: string): LocalTime {
  const out: LocalTime = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatterOf(timeZone).formatToParts(at)) {
    if (part.type === 'year') out.year = Number(part.value);
    else if (part.type === 'month') out.month = Number(part.value);
    else if (part.type === 'day') out.day = Number(part.value);
    else if (part.type === 'hour') out.hour = Number(part.value);
    else if (part.type === 'minute') out.minute = Number(part.value);
    else if (part.type === 'second') out.second = Number(part.value);
  }
  return out;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `at`, in ms (whole seconds). */
export function zoneOffset(at: number, timeZone: string): number {
  const local = localTimeOf(Math.floor(at / 1000) * 1000, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in `timeZone`. Days and minutes may overflow (day 32,
 * minute 1440) as with Date.UTC. A time skipped by a spring-forward change maps to the same
 * distance after the change (02:30 → 03:30); a time that happens twice in the autumn maps to
 * the first of the two.
 */
export function zonedToEpoch(
  year: number,
  month: number,
  day: number,
  minuteOfDay: number,
  timeZone: string,
): number {
  const guess = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  // The offsets a day before and a day after: zone changes are far more than a day apart, so
  // these are the only two the wall time can have. (Half a day is too little: read as UTC, a
  // wall time in a zone 12–14 h ahead lies that far from its instant, past the change.)
  const early = zoneOffset(guess - 86_400_000, timeZone);
  const late = zoneOffset(guess + 86_400_000, timeZone);
  const byEarly = guess - early;
  const byLate = guess - late;
  const earlyValid = zoneOffset(byEarly, timeZone) === early;
  const lateValid = zoneOffset(byLate, timeZone) === late;
  if (earlyValid && lateValid) return Math.min(byEarly, byLate);
  if (earlyValid) return byEarly;
  if (lateValid) return byLate;
  // Skipped wall time: the clock jumped over it; keep the offset in force before the jump.
  return byEarly;
}

/** ISO weekday (1 = Monday) of a calendar date. */
export function isoWeekday(year: number, month: number, day: number): number {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The start of the local calendar month that contains `at`, in `timeZone`. */
export function startOfLocalMonth(at: number, timeZone: string): number {
  const local = localTimeOf(at, timeZone);
  return zonedToEpoch(local.year, local.month, 1, 0, timeZone);
}
