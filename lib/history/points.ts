import type { HistoryPoint } from '@/lib/domain/history';
import type { Metrics } from '@/lib/history/metrics';
import 'server-only';

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** A chart point from figures (integers from a sample, or time-weighted averages from buckets). */
export function toPoint(t: number, m: Metrics): HistoryPoint {
  const monitored = m.total - m.maintenance;
  return {
    t: new Date(t).toISOString(),
    total: round(m.total, 2),
    online: round(m.online, 2),
    offline: round(m.offline, 2),
    maintenance: round(m.maintenance, 2),
    onlinePct: monitored > 1e-9 ? round((m.online / monitored) * 100, 2) : null,
    alerts: {
      information: round(m.alerts_information, 2),
      warning: round(m.alerts_warning, 2),
      critical: round(m.alerts_critical, 2),
      emergency: round(m.alerts_emergency, 2),
    },
    securityScore: m.security_count > 1e-9 ? round(m.security_sum / m.security_count, 1) : null,
  };
}

/** The parts of [from, to) not inside any of `covered` (ascending, possibly overlapping). */
export function uncovered(covered: readonly (readonly [number, number])[], from: number, to: number) {
  const gaps: { from: number; to: number }[] = [];
  let cursor = from;
  for (const [start, end] of covered) {
    if (end <= cursor) continue;
    if (start >= to) break;
    if (start > cursor) gaps.push({ from: cursor, to: start });
    cursor = Math.max(cursor, end);
  }
  if (cursor < to) gaps.push({ from: cursor, to });
  return gaps;
}
