import { businessSpans } from '@/lib/reports/business-hours';
import { zonedToEpoch } from '@/lib/reports/zoned-time';
import { describe, expect, it } from 'vitest';

const HOUR = 3_600_000;
const iso = (t: number) => new Date(t).toISOString();

describe('business hours', () => {
  it('follows the local clock across the spring change (Europe/Berlin, 29 March 2026)', () => {
    // Every day 08:00–18:00 local. Berlin is UTC+1 until Sunday 29 March 01:00Z, then UTC+2.
    const spans = businessSpans(
      { days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '18:00' },
      'Europe/Berlin',
      Date.UTC(2026, 2, 28),
      Date.UTC(2026, 2, 30),
    );
    expect(spans.map((span) => [iso(span.start), iso(span.end)])).toEqual([
      ['2026-03-28T07:00:00.000Z', '2026-03-28T17:00:00.000Z'], // Saturday, CET
      ['2026-03-29T06:00:00.000Z', '2026-03-29T16:00:00.000Z'], // Sunday, CEST
    ]);
  });

  it('keeps a night shift that crosses midnight and the autumn change with its start day (New York)', () => {
    // Friday and Saturday nights 22:00–06:00. New York falls back on Sunday 1 November 2026 at
    // 02:00 EDT (06:00Z): Saturday 22:00 EDT (02:00Z Sunday) to Sunday 06:00 EST (11:00Z) is 9 h.
    const spans = businessSpans(
      { days: [5, 6], from: '22:00', to: '06:00' },
      'America/New_York',
      Date.UTC(2026, 9, 30),
      Date.UTC(2026, 10, 3),
    );
    expect(spans.map((span) => [iso(span.start), iso(span.end)])).toEqual([
      ['2026-10-31T02:00:00.000Z', '2026-10-31T10:00:00.000Z'], // Friday night, EDT: 8 h
      ['2026-11-01T02:00:00.000Z', '2026-11-01T11:00:00.000Z'], // Saturday night: 9 h
    ]);
    expect((spans[1]!.end - spans[1]!.start) / HOUR).toBe(9);
  });

  it('clips to the window and skips the days not listed', () => {
    // Monday 1 June 2026 to Monday 8 June, Mon–Fri 09:00–17:00 UTC, window from Monday 12:00.
    const spans = businessSpans(
      { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' },
      'UTC',
      Date.UTC(2026, 5, 1, 12),
      Date.UTC(2026, 5, 8, 10),
    );
    // Monday 12–17 (5 h), Tue–Fri 8 h each (32 h), next Monday 09–10 (1 h) = 38 h.
    expect(spans.reduce((sum, span) => sum + span.end - span.start, 0) / HOUR).toBe(38);
    expect(spans).toHaveLength(6);
  });

  it('maps wall-clock times the clocks skip or repeat deterministically', () => {
    // 02:30 on 29 March 2026 does not exist in Berlin: it maps to 03:30 CEST (01:30Z).
    expect(iso(zonedToEpoch(2026, 3, 29, 150, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 on 25 October 2026 happens twice: the first (CEST, 00:30Z).
    expect(iso(zonedToEpoch(2026, 10, 25, 150, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
  });
});
