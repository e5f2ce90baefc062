import type { DeviceStatus } from '@/lib/domain/fleet';
import 'server-only';

// The arithmetic of availability, with no database: intervals in, times out. Three layers decide
// what a millisecond counts as:
//   1. the window's counted hours (the whole window, or only business hours): outside = nothing;
//   2. Levelboard's coverage (weight 1 = it watched, 0 = a gap, between = a rollup bucket it
//      partly watched): the unwatched share of counted time is unknown;
//   3. the device's status (known from when Levelboard first saw it): the watched share is up,
//      down or maintenance.
// So for every device up + down + maintenance + unknown = the window's counted time.

export interface Span {
  start: number;
  end: number;
}

export interface WeightedSpan extends Span {
  /** 0–1: the share of the span that counts. */
  weight: number;
}

/** A piecewise-constant measure over time, integrated in O(log n). */
export interface Measure {
  spans: readonly WeightedSpan[];
  /** `before[i]`: the measure of everything before `spans[i]`. */
  before: readonly number[];
}

/** Merges touching spans of equal weight; spans must be ascending and disjoint. */
function compact(spans: readonly WeightedSpan[]): WeightedSpan[] {
  const out: WeightedSpan[] = [];
  for (const span of spans) {
    if (span.end <= span.start || span.weight <= 0) continue;
    const last = out[out.length - 1];
    if (last && last.end === span.start && last.weight === span.weight) last.end = span.end;
    else out.push({ start: span.start, end: span.end, weight: span.weight });
  }
  return out;
}

export function measureOf(spans: readonly WeightedSpan[]): Measure {
  const compacted = compact(spans);
  const before: number[] = [];
  let total = 0;
  for (const span of compacted) {
    before.push(total);
    total += (span.end - span.start) * span.weight;
  }
  return { spans: compacted, before };
}

/** The measure of (-∞, t). */
function upTo(measure: Measure, t: number): number {
  const { spans, before } = measure;
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((spans[mid] as WeightedSpan).start < t) low = mid + 1;
    else high = mid;
  }
  if (low === 0) return 0;
  const span = spans[low - 1] as WeightedSpan;
  return (before[low - 1] as number) + (Math.min(t, span.end) - span.start) * span.weight;
}

/** The measure of [a, b). */
export function integrate(measure: Measure, a: number, b: number): number {
  return b > a ? upTo(measure, b) - upTo(measure, a) : 0;
}

/**
 * Counted hours × coverage: where both hold, weighted by coverage. `counted` must be ascending
 * and disjoint (weight 1), as must `coverage`.
 */
export function intersect(counted: readonly Span[], coverage: readonly WeightedSpan[]): WeightedSpan[] {
  const out: WeightedSpan[] = [];
  let j = 0;
  for (const span of counted) {
    while (j < coverage.length && (coverage[j] as WeightedSpan).end <= span.start) j += 1;
    for (let k = j; k < coverage.length; k++) {
      const c = coverage[k] as WeightedSpan;
      if (c.start >= span.end) break;
      const start = Math.max(span.start, c.start);
      const end = Math.min(span.end, c.end);
      if (end > start) out.push({ start, end, weight: c.weight });
    }
  }
  return out;
}

/** What the database knows of one device's status around the window. */
export interface DeviceTimeline {
  /** When Levelboard first saw the device; null = never (all unknown). */
  knownFrom: number | null;
  /** The status in force at max(window start, knownFrom). */
  initial: DeviceStatus | null;
  /** Changes after that instant and before the window's end, ascending. */
  changes: ReadonlyArray<{ at: number; to: DeviceStatus }>;
}

export interface MeasuredTime {
  upMs: number;
  downMs: number;
  maintenanceMs: number;
  unknownMs: number;
}

export interface MeasuredIncident {
  start: number;
  end: number;
  durationMs: number;
  ongoing: boolean;
}

/** The counted hours, and the part of them Levelboard watched. */
export interface WindowMeasures {
  start: number;
  end: number;
  counted: Measure;
  watched: Measure;
}

export function windowMeasures(
  window: Span,
  counted: readonly Span[],
  coverage: readonly WeightedSpan[],
): WindowMeasures {
  const clipped = counted
    .map((span) => ({
      start: Math.max(span.start, window.start),
      end: Math.min(span.end, window.end),
      weight: 1,
    }))
    .filter((span) => span.end > span.start);
  return {
    start: window.start,
    end: window.end,
    counted: measureOf(clipped),
    watched: measureOf(intersect(clipped, coverage)),
  };
}

/**
 * One device's time over the window, and its downtime incidents: each stretch it was offline
 * (clipped to the window) whose counted, watched time is above zero; their durations add up to
 * `downMs`. An incident reaching the window's end is `ongoing`.
 */
export function measureDevice(
  measures: WindowMeasures,
  timeline: DeviceTimeline,
): { time: MeasuredTime; incidents: MeasuredIncident[] } {
  const { start, end, counted, watched } = measures;
  const time: MeasuredTime = { upMs: 0, downMs: 0, maintenanceMs: 0, unknownMs: 0 };
  const incidents: MeasuredIncident[] = [];
  const knownFrom = timeline.knownFrom === null ? end : Math.min(end, Math.max(start, timeline.knownFrom));
  time.unknownMs += integrate(counted, start, knownFrom);
  let status = timeline.initial;
  let cursor = knownFrom;
  const stretch = (from: number, to: number, current: DeviceStatus | null) => {
    if (to <= from) return;
    const all = integrate(counted, from, to);
    if (current === null) {
      time.unknownMs += all;
      return;
    }
    const seen = integrate(watched, from, to);
    time.unknownMs += all - seen;
    if (current === 'online') time.upMs += seen;
    else if (current === 'maintenance') time.maintenanceMs += seen;
    else {
      time.downMs += seen;
      if (seen > 0) incidents.push({ start: from, end: to, durationMs: seen, ongoing: to >= end });
    }
  };
  for (const change of timeline.changes) {
    if (change.at <= cursor) {
      status = change.to;
      continue;
    }
    if (change.at >= end) break;
    // offline → offline cannot happen, but a repeated status must not split an incident.
    if (change.to === status) continue;
    stretch(cursor, change.at, status);
    cursor = change.at;
    status = change.to;
  }
  stretch(cursor, end, status);
  return { time, incidents };
}

/** up ÷ (up + down) × 100, or null when the device was never seen up or down. */
export function availabilityPct(time: Pick<MeasuredTime, 'upMs' | 'downMs'>): number | null {
  const measured = time.upMs + time.downMs;
  return measured > 0 ? (time.upMs / measured) * 100 : null;
}
