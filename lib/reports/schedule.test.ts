import {
  localDateTime,
  monthPeriodOf,
  nextRunAfter,
  periodOfRun,
  previousMonthPeriod,
  previousWeekPeriod,
  zonedTimeToInstant,
} from '@/lib/reports/schedule';
import { describe, expect, it } from 'vitest';

const utc = (iso: string) => Date.parse(iso);
const H = 3_600_000;
const DAY = 24 * H;

const every = (timeZone: string, dayOfMonth: number | 'last', time: string) => ({
  dayOfMonth,
  time,
  timeZone,
});

describe('next run', () => {
  it('monthly on the 4th at 08:00 in Berlin: winter is UTC+1, summer UTC+2', () => {
    // 2027-01-04 08:00 CET (+1) = 07:00 Z
    expect(nextRunAfter(every('Europe/Berlin', 4, '08:00'), utc('2026-12-07T11:00:00Z'))).toBe(
      utc('2027-01-04T07:00:00Z'),
    );
    // 2026-07-04 08:00 CEST (+2) = 06:00 Z; asked on the 1st of July, this month's run is next.
    expect(nextRunAfter(every('Europe/Berlin', 4, '08:00'), utc('2026-07-01T00:00:00Z'))).toBe(
      utc('2026-07-04T06:00:00Z'),
    );
  });

  it('is strictly after: asked at the run itself, the next is a month later', () => {
    const def = every('UTC', 4, '08:00');
    expect(nextRunAfter(def, utc('2026-12-04T08:00:00Z'))).toBe(utc('2027-01-04T08:00:00Z'));
    expect(nextRunAfter(def, utc('2026-12-04T07:59:59.999Z'))).toBe(utc('2026-12-04T08:00:00Z'));
  });

  it('Asia/Kolkata is UTC+05:30 all year', () => {
    // 08:00 IST − 5 h 30 = 02:30 Z
    expect(nextRunAfter(every('Asia/Kolkata', 4, '08:00'), utc('2026-05-10T00:00:00Z'))).toBe(
      utc('2026-06-04T02:30:00Z'),
    );
  });

  it('`last` is the month’s last day: 31, 30, 28 and 29 in a leap year', () => {
    const def = every('UTC', 'last', '23:30');
    expect(nextRunAfter(def, utc('2026-01-01T00:00:00Z'))).toBe(utc('2026-01-31T23:30:00Z'));
    expect(nextRunAfter(def, utc('2026-04-01T00:00:00Z'))).toBe(utc('2026-04-30T23:30:00Z'));
    expect(nextRunAfter(def, utc('2027-02-01T00:00:00Z'))).toBe(utc('2027-02-28T23:30:00Z'));
    // 2028 is a leap year (divisible by 4, not a century).
    expect(nextRunAfter(def, utc('2028-02-01T00:00:00Z'))).toBe(utc('2028-02-29T23:30:00Z'));
    // After January's run, February's: the 31st does not carry over.
    expect(nextRunAfter(def, utc('2028-01-31T23:30:00Z'))).toBe(utc('2028-02-29T23:30:00Z'));
  });

  it('the zone’s month, not UTC’s: Auckland’s 1st at 00:30 is still the 31st in UTC', () => {
    // 2027-01-01 00:30 NZDT (+13) = 2026-12-31 11:30 Z
    expect(nextRunAfter(every('Pacific/Auckland', 1, '00:30'), utc('2026-12-31T11:00:00Z'))).toBe(
      utc('2026-12-31T11:30:00Z'),
    );
    // New York's last day at 22:00 EST (−5) = the 1st 03:00 Z
    expect(nextRunAfter(every('America/New_York', 'last', '22:00'), utc('2026-12-15T00:00:00Z'))).toBe(
      utc('2027-01-01T03:00:00Z'),
    );
  });

  it('a time skipped by spring-forward moves forward by the gap', () => {
    // New York 2026-03-08: 02:00 EST → 03:00 EDT. 02:30 does not exist → 03:30 EDT (−4) = 07:30 Z
    expect(nextRunAfter(every('America/New_York', 8, '02:30'), utc('2026-03-01T00:00:00Z'))).toBe(
      utc('2026-03-08T07:30:00Z'),
    );
    // Berlin 2026-03-29: 02:00 CET → 03:00 CEST. 02:30 → 03:30 CEST (+2) = 01:30 Z
    expect(nextRunAfter(every('Europe/Berlin', 'last', '02:30'), utc('2026-03-01T00:00:00Z'))).toBe(
      utc('2026-03-31T00:30:00Z'),
    );
    expect(zonedTimeToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin')).toBe(
      utc('2026-03-29T01:30:00Z'),
    );
    // Auckland 2026-09-27: 02:00 NZST → 03:00 NZDT. 02:30 → 03:30 NZDT (+13) = 09-26 14:30 Z
    expect(
      zonedTimeToInstant({ year: 2026, month: 9, day: 27, hour: 2, minute: 30 }, 'Pacific/Auckland'),
    ).toBe(utc('2026-09-26T14:30:00Z'));
  });

  it('a time that happens twice (fall-back) takes the first', () => {
    // New York 2026-11-01: 02:00 EDT → 01:00 EST. 01:30 EDT (−4) = 05:30 Z (not 06:30 Z)
    expect(nextRunAfter(every('America/New_York', 1, '01:30'), utc('2026-10-15T00:00:00Z'))).toBe(
      utc('2026-11-01T05:30:00Z'),
    );
    // Berlin 2026-10-25: 03:00 CEST → 02:00 CET. 02:30 CEST (+2) = 00:30 Z
    expect(zonedTimeToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin')).toBe(
      utc('2026-10-25T00:30:00Z'),
    );
    // Auckland 2026-04-05: 03:00 NZDT → 02:00 NZST. 02:30 NZDT (+13) = 04-04 13:30 Z
    expect(
      zonedTimeToInstant({ year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, 'Pacific/Auckland'),
    ).toBe(utc('2026-04-04T13:30:00Z'));
  });

  it('over three years in every zone: one run a month, on the day, at the time (or just after a gap)', () => {
    const zones = ['Pacific/Auckland', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'UTC'];
    for (const timeZone of zones) {
      for (const [dayOfMonth, time] of [
        [1, '00:00'],
        [4, '08:00'],
        [28, '02:30'],
        ['last', '23:59'],
        ['last', '02:30'],
      ] as const) {
        const def = every(timeZone, dayOfMonth, time);
        let at = utc('2025-12-31T00:00:00Z');
        const seen: string[] = [];
        for (let i = 0; i < 36; i += 1) {
          const next = nextRunAfter(def, at);
          expect(next).toBeGreaterThan(at);
          const local = localDateTime(next, timeZone);
          const month = `${local.year}-${local.month}`;
          seen.push(month);
          const lastDay = new Date(Date.UTC(local.year, local.month, 0)).getUTCDate();
          expect(local.day).toBe(dayOfMonth === 'last' ? lastDay : dayOfMonth);
          const wanted = Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
          const got = local.hour * 60 + local.minute;
          // Equal, or moved forward by a DST gap (one hour in these zones).
          expect([wanted, wanted + 60]).toContain(got);
          if (got !== wanted)
            expect(zonedTimeToInstant({ ...local, hour: local.hour - 1 }, timeZone)).toBe(next);
          at = next;
        }
        // 36 consecutive runs are 36 different consecutive months.
        expect(new Set(seen).size).toBe(36);
      }
    }
  });
});

describe('period of a run', () => {
  it('previous month in Auckland: local midnights, NZDT (+13)', () => {
    // Run 2027-01-04 08:00 NZDT. December 2026: 12-01 00:00 NZDT = 11-30 11:00 Z … 01-01 00:00 NZDT = 12-31 11:00 Z
    const run = utc('2027-01-03T19:00:00Z');
    expect(previousMonthPeriod(run, 'Pacific/Auckland')).toEqual({
      start: utc('2026-11-30T11:00:00Z'),
      end: utc('2026-12-31T11:00:00Z'),
    });
  });

  it('a month with a DST change is an hour short or long', () => {
    // Berlin March 2026: 03-01 00:00 CET = 02-28 23:00 Z; 04-01 00:00 CEST = 03-31 22:00 Z → 31 d − 1 h
    const march = previousMonthPeriod(utc('2026-04-04T06:00:00Z'), 'Europe/Berlin');
    expect(march).toEqual({ start: utc('2026-02-28T23:00:00Z'), end: utc('2026-03-31T22:00:00Z') });
    expect(march.end - march.start).toBe(31 * DAY - H);
    // New York November 2026: 11-01 00:00 EDT = 04:00 Z; 12-01 00:00 EST = 05:00 Z → 30 d + 1 h
    const november = monthPeriodOf('2026-11', 'America/New_York');
    expect(november).toEqual({ start: utc('2026-11-01T04:00:00Z'), end: utc('2026-12-01T05:00:00Z') });
    expect(november.end - november.start).toBe(30 * DAY + H);
  });

  it('January’s report is December’s, across the year; February of a leap year has 29 days', () => {
    expect(previousMonthPeriod(utc('2027-01-04T08:00:00Z'), 'UTC')).toEqual({
      start: utc('2026-12-01T00:00:00Z'),
      end: utc('2027-01-01T00:00:00Z'),
    });
    const feb = monthPeriodOf('2028-02', 'Asia/Kolkata');
    // 2028-02-01 00:00 IST = 01-31 18:30 Z
    expect(feb.start).toBe(utc('2028-01-31T18:30:00Z'));
    expect(feb.end - feb.start).toBe(29 * DAY);
  });

  it('previous week: Monday to Monday in the zone, across a DST change and a year end', () => {
    // Wed 2026-11-04 in New York: this week starts Mon 11-02; last week Mon 10-26 00:00 EDT (04:00 Z)
    // to Mon 11-02 00:00 EST (05:00 Z) → 7 d + 1 h
    const week = previousWeekPeriod(utc('2026-11-04T15:00:00Z'), 'America/New_York');
    expect(week).toEqual({ start: utc('2026-10-26T04:00:00Z'), end: utc('2026-11-02T05:00:00Z') });
    // Fri 2027-01-01 UTC: this week starts Mon 2026-12-28; last week 12-21 … 12-28
    expect(previousWeekPeriod(utc('2027-01-01T12:00:00Z'), 'UTC')).toEqual({
      start: utc('2026-12-21T00:00:00Z'),
      end: utc('2026-12-28T00:00:00Z'),
    });
    // On a Monday, last week is the one that just ended (Kolkata Mon 2026-12-07 08:00 IST).
    expect(previousWeekPeriod(utc('2026-12-07T02:30:00Z'), 'Asia/Kolkata')).toEqual({
      start: utc('2026-11-29T18:30:00Z'),
      end: utc('2026-12-06T18:30:00Z'),
    });
  });

  it('periodOfRun follows the definition', () => {
    const at = utc('2026-12-04T07:00:00Z');
    expect(periodOfRun({ period: 'previous_month', timeZone: 'Europe/Berlin' }, at)).toEqual(
      monthPeriodOf('2026-11', 'Europe/Berlin'),
    );
    expect(periodOfRun({ period: 'previous_week', timeZone: 'Europe/Berlin' }, at)).toEqual(
      previousWeekPeriod(at, 'Europe/Berlin'),
    );
  });
});
