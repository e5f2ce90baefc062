import { monthPeriod, periodKey, periodLabel, previousMonth, previousMonthKey } from '@/lib/reports/period';
import { describe, expect, it } from 'vitest';

describe('report periods', () => {
  it('starts a month at local midnight, across DST', () => {
    // Berlin: October 2026 starts in summer time (UTC+2), November in winter time (UTC+1).
    expect(monthPeriod('2026-10', 'Europe/Berlin')).toEqual({
      start: Date.parse('2026-09-30T22:00:00Z'),
      end: Date.parse('2026-10-31T23:00:00Z'),
    });
    // New York's March 2026 loses an hour on the 8th: 31 d less 1 h.
    const march = monthPeriod('2026-03', 'America/New_York');
    expect(march.start).toBe(Date.parse('2026-03-01T05:00:00Z'));
    expect(march.end - march.start).toBe(31 * 86_400_000 - 3_600_000);
    expect(monthPeriod('2026-12', 'UTC').end).toBe(Date.parse('2027-01-01T00:00:00Z'));
    expect(() => monthPeriod('2026-13', 'UTC')).toThrow(RangeError);
  });

  it('defaults to the previous month in the client zone', () => {
    // 1 Dec 2026 00:30 in Auckland is still 30 Nov in UTC.
    const now = Date.parse('2026-11-30T11:30:00Z');
    expect(previousMonthKey(now, 'Pacific/Auckland')).toBe('2026-11');
    expect(previousMonthKey(now, 'UTC')).toBe('2026-10');
    expect(previousMonthKey(Date.parse('2027-01-15T00:00:00Z'), 'UTC')).toBe('2026-12');
    expect(previousMonth(now, 'UTC')).toEqual(monthPeriod('2026-10', 'UTC'));
  });

  it('names a period', () => {
    const november = monthPeriod('2026-11', 'Europe/Berlin');
    expect(periodKey(november, 'Europe/Berlin')).toBe('2026-11');
    expect(periodLabel(november, 'Europe/Berlin')).toBe('November 2026');
    const week = { start: Date.parse('2026-11-02T00:00:00Z'), end: Date.parse('2026-11-09T00:00:00Z') };
    expect(periodKey(week, 'UTC')).toBe('2026-11-02..2026-11-08');
    expect(periodLabel(week, 'UTC')).toBe('2 Nov 2026 – 8 Nov 2026');
  });
});
