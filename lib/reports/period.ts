import type { ReportPeriod } from '@/lib/domain/report';
import { localTimeOf, zonedToEpoch } from '@/lib/reports/zoned-time';

// Calendar periods in a client's time zone. A month starts at local midnight of its first day,
// which is a different UTC instant in every zone and moves with DST; Intl is the only clock source.

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): boolean {
  return MONTH.test(value);
}

/** The calendar month `yyyyMm` (`2026-11`) in `timeZone`; throws on a malformed key. */
export function monthPeriod(yyyyMm: string, timeZone: string): ReportPeriod {
  const match = MONTH.exec(yyyyMm);
  if (!match) throw new RangeError(`not a month: ${yyyyMm}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  return {
    start: zonedToEpoch(year, month, 1, 0, timeZone),
    end: zonedToEpoch(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1, 0, timeZone),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The month key (`2026-11`) of the month before the one `now` falls in, in `timeZone`. */
export function previousMonthKey(now: number, timeZone: string): string {
  const p = localTimeOf(now, timeZone);
  return p.month === 1 ? `${p.year - 1}-12` : `${p.year}-${pad(p.month - 1)}`;
}

/** The previous calendar month in `timeZone`: what a report defaults to. */
export function previousMonth(now: number, timeZone: string): ReportPeriod {
  return monthPeriod(previousMonthKey(now, timeZone), timeZone);
}

/** The key of a period: `2026-11` when it is exactly a calendar month, else local dates. */
export function periodKey(period: ReportPeriod, timeZone: string): string {
  const s = localTimeOf(period.start, timeZone);
  const key = `${s.year}-${pad(s.month)}`;
  const month = monthPeriod(key, timeZone);
  if (month.start === period.start && month.end === period.end) return key;
  const e = localTimeOf(period.end - 1, timeZone);
  return `${s.year}-${pad(s.month)}-${pad(s.day)}..${e.year}-${pad(e.month)}-${pad(e.day)}`;
}

/** "November 2026", or "1 Nov 2026 – 7 Nov 2026" for another span. */
export function periodLabel(period: ReportPeriod, timeZone: string): string {
  const key = periodKey(period, timeZone);
  if (isMonthKey(key)) {
    return new Intl.DateTimeFormat('en-GB', { timeZone, month: 'long', year: 'numeric' }).format(
      period.start,
    );
  }
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
  return `${day.format(period.start)} – ${day.format(period.end - 1)}`;
}

/** The last 12 month keys before `now` (newest first), for the period picker. */
export function recentMonthKeys(now: number, timeZone: string, count = 12): string[] {
  const keys: string[] = [];
  let key = previousMonthKey(now, timeZone);
  for (let i = 0; i < count; i += 1) {
    keys.push(key);
    const y = Number(key.slice(0, 4));
    const m = Number(key.slice(5, 7));
    key = m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
  }
  return keys;
}
