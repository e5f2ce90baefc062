// Words and numbers of the availability panel, shared with the report document.

/** 2 d 14 h, 1 h 30 min, 45 min, 20 s; whole units, at most two. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/**
 * A percentage for an SLA: never rounded up across a target (99.8951 shows as 99.89, not 99.90),
 * so a breach never reads as met.
 */
export function formatAvailability(pct: number | null): string {
  if (pct === null) return '—';
  const floored = Math.floor(pct * 100) / 100;
  return `${floored.toFixed(2)} %`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A time in the client's zone: "2 Jun, 14:00". */
export function formatInZone(at: number, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}

export const CLASS_LABEL = { server: 'Servers and DCs', workstation: 'Workstations' } as const;
