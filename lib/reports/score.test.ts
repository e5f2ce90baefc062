import { alertScore, availabilityScore, bandOf, executiveScore } from '@/lib/reports/score';
import { describe, expect, it } from 'vitest';

describe('executive score', () => {
  it('puts a score in its band at each edge', () => {
    expect([100, 90, 89, 75, 74, 60, 59, 0].map(bandOf)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'fair',
      'fair',
      'poor',
      'poor',
    ]);
  });

  it('maps availability 95 → 0 and 100 → 100 linearly, clamped', () => {
    // (99.9 − 95) ÷ 5 × 100 = 98; (99 − 95) ÷ 5 × 100 = 80.
    expect(availabilityScore(99.9)).toBeCloseTo(98, 9);
    expect(availabilityScore(99)).toBeCloseTo(80, 9);
    expect(availabilityScore(90)).toBe(0);
    expect(availabilityScore(100)).toBe(100);
    expect(availabilityScore(null)).toBeNull();
  });

  it('weights alerts by severity per device and floors at zero', () => {
    // 1 critical (2) over 4 devices → 100 − 20 × 0.5 = 90; information weighs nothing.
    expect(alertScore({ critical: 1, information: 50 }, 4)).toBe(90);
    // 10 emergencies (30) over 2 devices → 100 − 300 → 0.
    expect(alertScore({ emergency: 10 }, 2)).toBe(0);
    expect(alertScore({}, 0)).toBeNull();
  });

  it('shares an unmeasured component’s weight among the others', () => {
    // No server, no posture: only alerts (no alerts → 100) counts → 100, excellent.
    const onlyAlerts = executiveScore({
      availabilityPct: null,
      patches: { fullyPatched: 0, known: 0 },
      securityChecks: { passed: 0, total: 0 },
      alerts: { bySeverity: {}, devices: 3 },
    });
    expect(onlyAlerts).toMatchObject({ score: 100, band: 'excellent' });
    // Availability 99 (80) × 40 + patching 1 of 2 (50) × 25 → (3,200 + 1,250) ÷ 65 = 68.46 → 68, fair.
    const partial = executiveScore({
      availabilityPct: 99,
      patches: { fullyPatched: 1, known: 2 },
      securityChecks: { passed: 0, total: 0 },
      alerts: { bySeverity: {}, devices: 0 },
    });
    expect(partial).toMatchObject({ score: 68, band: 'fair' });
    const nothing = executiveScore({
      availabilityPct: null,
      patches: { fullyPatched: 0, known: 0 },
      securityChecks: { passed: 0, total: 0 },
      alerts: { bySeverity: {}, devices: 0 },
    });
    expect(nothing).toMatchObject({ score: null, band: null });
  });
});
