// Formatting for the report: dates in the client's zone, durations and percentages in words a
// client reads. Pure, so the page, the PDF and the tests format alike.

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    dateFormats.set(key, f);
  }
  return f;
}

/** "3 Nov 2026, 14:05" in the client's zone. */
export const formatDateTime = (at: number, timeZone: string) => formatter(timeZone, true).format(at);
/** "3 Nov 2026" in the client's zone. */
export const formatDate = (at: number, timeZone: string) => formatter(timeZone, false).format(at);
/** A day given as UTC midnight: "3 Nov". */
export const formatUtcDay = (day: number) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(day);

/** "2 d 4 h", "3 h 5 min", "45 min", "< 1 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return ms > 0 ? '< 1 min' : '0 min';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

/**
 * Availability with enough digits to tell 99.9 from 99.95: three decimals, never rounded up to
 * 100 unless it is exactly 100 (a month with 40 s down is not "100.000 %").
 */
export function formatAvailability(pct: number | null): string {
  if (pct === null) return 'not measured';
  if (pct >= 100) return '100 %';
  const floored = Math.floor(pct * 1000) / 1000;
  return `${floored.toFixed(3)} %`;
}

export const formatPct = (pct: number | null, digits = 0) =>
  pct === null ? '–' : `${pct.toFixed(digits)} %`;

/** An ISO date from Level ("2026-10-02T…") shown as a date, or a dash. */
export function formatIsoDate(iso: string | null, timeZone: string): string {
  if (!iso) return '–';
  const t = Date.parse(iso);
  return Number.isFinite(t) ? formatDate(t, timeZone) : '–';
}
