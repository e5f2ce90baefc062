import type { ClientSummary, DeviceStatus, SeverityCounts } from '@/lib/domain/fleet';
import type { DeviceHistory, HistoryPoint } from '@/lib/domain/history';
import { SEVERITIES } from '@/lib/domain/severity';
import { onlinePct } from '@/lib/format';

// Data shaping for charts, kept out of JSX so it can be tested on its own.

export interface TimelineSegment {
  status: DeviceStatus;
  start: number;
  end: number;
  /** Share of the range, 0–1. */
  share: number;
}

/** Status periods across the range, from the recorded transitions. */
export function timelineSegments(
  history: Pick<DeviceHistory, 'from' | 'to' | 'status' | 'transitions'>,
): TimelineSegment[] {
  const from = Date.parse(history.from);
  const to = Date.parse(history.to);
  const span = to - from;
  if (!(span > 0)) return [];
  const transitions = history.transitions
    .map((transition) => ({ ...transition, time: Date.parse(transition.at) }))
    .filter((transition) => transition.time > from && transition.time < to)
    .sort((a, b) => a.time - b.time);
  const first = transitions[0];
  let status: DeviceStatus = first ? (first.from ?? first.to) : history.status;
  let start = from;
  const segments: TimelineSegment[] = [];
  const push = (end: number) => {
    if (end > start) segments.push({ status, start, end, share: (end - start) / span });
  };
  for (const transition of transitions) {
    push(transition.time);
    status = transition.to;
    start = transition.time;
  }
  push(to);
  return segments;
}

export interface HistoryDatum {
  time: number;
  onlinePct: number | null;
  online: number;
  offline: number;
  maintenance: number;
  information: number;
  warning: number;
  critical: number;
  emergency: number;
}

export function historyChartData(points: readonly HistoryPoint[]): HistoryDatum[] {
  return points.map((point) => ({
    time: Date.parse(point.t),
    onlinePct: point.onlinePct === null ? null : Math.round(point.onlinePct * 10) / 10,
    online: point.online,
    offline: point.offline,
    maintenance: point.maintenance,
    ...point.alerts,
  }));
}

export interface ClientOnlineDatum {
  id: string;
  name: string;
  onlinePct: number;
  online: number;
  monitored: number;
}

/** Lowest online share first (what needs attention), clients with nothing monitored left out. */
export function clientOnlineData(clients: readonly ClientSummary[], limit: number): ClientOnlineDatum[] {
  return clients
    .flatMap((client) => {
      const pct = onlinePct(client.rollup);
      if (pct === null) return [];
      const { devices } = client.rollup;
      return [
        {
          id: client.id,
          name: client.name,
          onlinePct: Math.round(pct * 10) / 10,
          online: devices.online,
          monitored: devices.total - devices.maintenance,
        },
      ];
    })
    .sort((a, b) => a.onlinePct - b.onlinePct || a.name.localeCompare(b.name))
    .slice(0, limit);
}

export function severityData(counts: SeverityCounts) {
  return [...SEVERITIES].reverse().map((severity) => ({ severity, count: counts[severity] }));
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Round local times across [from, to]: every 3 h for a day, midnights for a week, every 5 days beyond. */
export function timeTicks(from: number, to: number): number[] {
  const span = to - from;
  if (!(span > 0)) return [];
  const hours = span <= 2 * HOUR ? 0.25 : span <= 26 * HOUR ? 3 : span <= 8 * DAY ? 24 : 24 * 5;
  const start = new Date(from);
  if (hours >= 24) start.setHours(0, 0, 0, 0);
  else start.setMinutes(hours < 1 ? Math.floor(start.getMinutes() / 15) * 15 : 0, 0, 0);
  const ticks: number[] = [];
  for (const cursor = start; cursor.getTime() <= to;) {
    const time = cursor.getTime();
    const aligned =
      hours < 1 ||
      (hours < 24 ? cursor.getHours() % hours === 0 : hours === 24 || Math.floor(time / DAY) % 5 === 0);
    if (time >= from && aligned) ticks.push(time);
    if (hours < 1) cursor.setMinutes(cursor.getMinutes() + 15);
    else if (hours < 24) cursor.setHours(cursor.getHours() + 1);
    else cursor.setDate(cursor.getDate() + 1);
  }
  return ticks;
}

/** A 0–100 axis zoomed to where the values are (80–100 for a healthy fleet), with round ticks. */
export function percentAxis(values: readonly (number | null)[]): {
  domain: [number, number];
  ticks: number[];
} {
  const present = values.filter((value): value is number => value !== null);
  const min = present.length ? Math.min(...present) : 0;
  const lower = Math.max(0, Math.floor((min - 2) / 20) * 20);
  const step = (100 - lower) / 4;
  return { domain: [lower, 100], ticks: [0, 1, 2, 3, 4].map((index) => lower + index * step) };
}
