import type { DeviceStatus } from '@/lib/domain/fleet';
import {
  availabilityPct,
  integrate,
  measureDevice,
  measureOf,
  windowMeasures,
  type DeviceTimeline,
  type Span,
  type WeightedSpan,
} from '@/lib/reports/availability-math';
import { describe, expect, it } from 'vitest';

const STATUSES: DeviceStatus[] = ['online', 'offline', 'maintenance'];

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Disjoint ascending spans on an integer grid in [0, 100). */
function spans(next: () => number, count: number): Span[] {
  const points = [...new Set(Array.from({ length: count * 2 }, () => Math.floor(next() * 100)))].sort(
    (a, b) => a - b,
  );
  const out: Span[] = [];
  for (let i = 0; i + 1 < points.length; i += 2)
    out.push({ start: points[i] as number, end: points[i + 1] as number });
  return out;
}

/** The oracle: walk every unit of time and classify it. */
function bruteForce(window: Span, counted: Span[], coverage: WeightedSpan[], timeline: DeviceTimeline) {
  const totals = { upMs: 0, downMs: 0, maintenanceMs: 0, unknownMs: 0 };
  for (let t = window.start; t < window.end; t++) {
    if (!counted.some((span) => t >= span.start && t < span.end)) continue;
    const weight = coverage.find((span) => t >= span.start && t < span.end)?.weight ?? 0;
    let status: DeviceStatus | null = null;
    if (timeline.knownFrom !== null && t >= timeline.knownFrom) {
      status = timeline.initial;
      for (const change of timeline.changes) if (change.at <= t) status = change.to;
    }
    if (status === null) {
      totals.unknownMs += 1;
      continue;
    }
    totals.unknownMs += 1 - weight;
    if (status === 'online') totals.upMs += weight;
    else if (status === 'offline') totals.downMs += weight;
    else totals.maintenanceMs += weight;
  }
  return totals;
}

describe('availability arithmetic', () => {
  it('integrates a piecewise measure over any range', () => {
    const measure = measureOf([
      { start: 10, end: 20, weight: 1 },
      { start: 20, end: 30, weight: 1 }, // merged with the first
      { start: 40, end: 50, weight: 0.5 },
    ]);
    expect(measure.spans).toHaveLength(2);
    // [0, 100): 20 units at weight 1 + 10 at 0.5 = 25.
    expect(integrate(measure, 0, 100)).toBe(25);
    // [15, 45): 15 (15–30) + 5 × 0.5 (40–45) = 17.5.
    expect(integrate(measure, 15, 45)).toBe(17.5);
    expect(integrate(measure, 30, 40)).toBe(0);
    expect(integrate(measure, 45, 45)).toBe(0);
  });

  it('equals a unit-by-unit walk for 2,000 random windows, hours, coverage and timelines', () => {
    const next = random(7);
    for (let round = 0; round < 2000; round++) {
      const window = { start: Math.floor(next() * 20), end: 80 + Math.floor(next() * 20) };
      const counted = next() < 0.3 ? [window] : spans(next, 1 + Math.floor(next() * 6));
      const coverage = spans(next, 1 + Math.floor(next() * 8)).map((span) => ({
        ...span,
        weight: next() < 0.7 ? 1 : Math.round(next() * 4) / 4,
      }));
      const knownFrom = next() < 0.1 ? null : Math.floor(next() * 60);
      const from = knownFrom === null ? 0 : Math.max(window.start, knownFrom);
      const changes = [
        ...new Set(Array.from({ length: Math.floor(next() * 8) }, () => from + 1 + Math.floor(next() * 99))),
      ]
        .sort((a, b) => a - b)
        .map((at) => ({ at, to: STATUSES[Math.floor(next() * 3)] as DeviceStatus }));
      const timeline: DeviceTimeline = {
        knownFrom,
        initial: knownFrom === null ? null : (STATUSES[Math.floor(next() * 3)] as DeviceStatus),
        changes,
      };
      const { time, incidents } = measureDevice(windowMeasures(window, counted, coverage), timeline);
      const expected = bruteForce(window, counted, coverage, timeline);
      expect(time.upMs).toBeCloseTo(expected.upMs, 9);
      expect(time.downMs).toBeCloseTo(expected.downMs, 9);
      expect(time.maintenanceMs).toBeCloseTo(expected.maintenanceMs, 9);
      expect(time.unknownMs).toBeCloseTo(expected.unknownMs, 9);
      // The incidents' counted durations are the downtime, and each lies in the window.
      expect(incidents.reduce((sum, incident) => sum + incident.durationMs, 0)).toBeCloseTo(time.downMs, 9);
      for (const incident of incidents) {
        expect(incident.start).toBeGreaterThanOrEqual(window.start);
        expect(incident.end).toBeLessThanOrEqual(window.end);
        expect(incident.ongoing).toBe(incident.end === window.end);
      }
    }
  });

  it('lists an outage open at the window end as ongoing, clipped to the window', () => {
    // Window [0, 100), all counted and watched; offline from 30 (before it: online), never back.
    const measures = windowMeasures(
      { start: 0, end: 100 },
      [{ start: 0, end: 100 }],
      [{ start: 0, end: 100, weight: 1 }],
    );
    const { time, incidents } = measureDevice(measures, {
      knownFrom: -50,
      initial: 'offline',
      changes: [
        { at: 10, to: 'online' },
        { at: 30, to: 'offline' },
      ],
    });
    // down: [0, 10) from before the window (clipped) + [30, 100) = 10 + 70 = 80; up: 20.
    expect(time).toEqual({ upMs: 20, downMs: 80, maintenanceMs: 0, unknownMs: 0 });
    expect(incidents).toEqual([
      { start: 0, end: 10, durationMs: 10, ongoing: false },
      { start: 30, end: 100, durationMs: 70, ongoing: true },
    ]);
    expect(availabilityPct(time)).toBe(20);
  });

  it('gives no availability for a device never seen up or down', () => {
    const measures = windowMeasures(
      { start: 0, end: 100 },
      [{ start: 0, end: 100 }],
      [{ start: 0, end: 100, weight: 1 }],
    );
    const never = measureDevice(measures, { knownFrom: null, initial: null, changes: [] });
    expect(never.time).toEqual({ upMs: 0, downMs: 0, maintenanceMs: 0, unknownMs: 100 });
    expect(availabilityPct(never.time)).toBeNull();
    // In maintenance throughout: measured, but neither up nor down.
    const quiet = measureDevice(measures, { knownFrom: 0, initial: 'maintenance', changes: [] });
    expect(quiet.time.maintenanceMs).toBe(100);
    expect(availabilityPct(quiet.time)).toBeNull();
  });
});
