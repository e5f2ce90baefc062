import { localClock, mayNotify } from '@/lib/notify/schedule';
import { describe, expect, it } from 'vitest';

const at = (iso: string) => Date.parse(iso);

describe('mayNotify', () => {
  const quiet = {
    timeZone: 'America/New_York',
    businessHours: null,
    quietHours: { start: '22:00', end: '07:00' },
  };

  it('holds in quiet hours that cross midnight, in the rule time zone', () => {
    expect(mayNotify(quiet, at('2026-07-01T01:59:00Z'))).toBe(true); // 21:59 EDT
    expect(mayNotify(quiet, at('2026-07-01T02:00:00Z'))).toBe(false); // 22:00 EDT
    expect(mayNotify(quiet, at('2026-07-01T10:59:00Z'))).toBe(false); // 06:59 EDT
    expect(mayNotify(quiet, at('2026-07-01T11:00:00Z'))).toBe(true); // 07:00 EDT
  });

  it('keeps the local clock across both daylight-saving changes', () => {
    // New York springs forward on 2026-03-08 and falls back on 2026-11-01.
    expect(localClock(at('2026-03-08T06:59:00Z'), 'America/New_York').minute).toBe(1 * 60 + 59); // 01:59 EST
    expect(localClock(at('2026-03-08T07:00:00Z'), 'America/New_York').minute).toBe(3 * 60); // 03:00 EDT
    expect(mayNotify(quiet, at('2026-03-08T10:59:00Z'))).toBe(false); // 06:59 EDT
    expect(mayNotify(quiet, at('2026-03-08T11:00:00Z'))).toBe(true); // 07:00 EDT
    // The autumn night is an hour longer; quiet hours end at 07:00 EST = 12:00 UTC.
    expect(mayNotify(quiet, at('2026-11-01T11:30:00Z'))).toBe(false); // 06:30 EST
    expect(mayNotify(quiet, at('2026-11-01T12:00:00Z'))).toBe(true); // 07:00 EST
  });

  it('business hours by weekday; a window across midnight belongs to the day it starts', () => {
    const office = {
      timeZone: 'Europe/London',
      businessHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
      quietHours: null,
    };
    expect(mayNotify(office, at('2026-12-07T08:00:00Z'))).toBe(true); // Monday 08:00 GMT
    expect(mayNotify(office, at('2026-12-07T18:00:00Z'))).toBe(false); // Monday 18:00
    expect(mayNotify(office, at('2026-12-12T10:00:00Z'))).toBe(false); // Saturday
    const night = { ...office, businessHours: { days: [5], start: '22:00', end: '02:00' } };
    expect(mayNotify(night, at('2026-12-11T23:00:00Z'))).toBe(true); // Friday 23:00
    expect(mayNotify(night, at('2026-12-12T01:00:00Z'))).toBe(true); // Saturday 01:00, Friday's shift
    expect(mayNotify(night, at('2026-12-13T01:00:00Z'))).toBe(false); // Sunday 01:00, Saturday's shift
  });

  it('quiet hours win over business hours', () => {
    const both = {
      timeZone: 'UTC',
      businessHours: { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '00:00' },
      quietHours: { start: '12:00', end: '13:00' },
    };
    expect(mayNotify(both, at('2026-12-07T11:59:00Z'))).toBe(true);
    expect(mayNotify(both, at('2026-12-07T12:30:00Z'))).toBe(false);
  });
});
