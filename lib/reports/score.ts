import type { ExecutiveScore, ScoreBand, ScoreComponent } from '@/lib/domain/client-report';
import { ALERT_WEIGHTS, SCORE_BANDS, SCORE_WEIGHTS } from '@/lib/domain/report-score';

export { ALERT_WEIGHTS, SCORE_BANDS, SCORE_WEIGHTS };

// The executive score: one 0–100 figure for a client's month, so a reader sees at a glance how the
// estate fared. Documented in docs/ARCHITECTURE.md ("Client reports") and in the report's footnote;
// change both with this file.
//
// Components and weights (percent):
//   availability 40 — the servers' (and DCs') availability over the client's SLA hours, mapped
//                     linearly from 95 % → 0 to 100 % → 100 (99.9 % → 98, 99 % → 80, 98 % → 60):
//                     below 95 % a month is a failure whatever the rest says. Workstations are shown
//                     but not scored: switched off at night or left in a drawer is how they are used
//                     (the report lists long-offline ones instead). No server measured → not scored.
//   patching     25 — devices with no pending update ÷ devices whose updates are known.
//   security     25 — passed checks ÷ checks over devices whose security fields are known; five checks
//                     per device: risk below high, antivirus good, firewall on, primary partition
//                     encrypted, OS not end of life. An unknown answer is a failed check.
//   alerts       10 — 100 − 20 × weighted alerts per device (emergency 3, critical 2, warning 1,
//                     information 0), floored at 0: one critical alert per two devices costs 20.
// A component with nothing measured is left out and its weight shared pro rata by the others.
// Bands: ≥ 90 excellent, ≥ 75 good, ≥ 60 fair, below 60 poor.

const clamp = (value: number) => Math.min(100, Math.max(0, value));

export function bandOf(score: number): ScoreBand {
  return (SCORE_BANDS.find((b) => score >= b.min) ?? SCORE_BANDS[SCORE_BANDS.length - 1]!).band;
}

export function availabilityScore(availabilityPct: number | null): number | null {
  return availabilityPct === null ? null : clamp(((availabilityPct - 95) / 5) * 100);
}

export function ratioScore(passed: number, total: number): number | null {
  return total > 0 ? clamp((passed / total) * 100) : null;
}

export function alertScore(bySeverity: Record<string, number>, devices: number): number | null {
  if (devices <= 0) return null;
  let weighted = 0;
  for (const [severity, count] of Object.entries(bySeverity))
    weighted += (ALERT_WEIGHTS[severity] ?? 1) * count;
  return clamp(100 - 20 * (weighted / devices));
}

export interface ScoreInputs {
  /** The servers' availability (percent), or null when no server was measured. */
  availabilityPct: number | null;
  patches: { fullyPatched: number; known: number };
  securityChecks: { passed: number; total: number };
  alerts: { bySeverity: Record<string, number>; devices: number };
}

// Floored, as the report shows availability: 99.9996 % is not "100.000 %".
const pct = (value: number | null, digits: number) =>
  value === null ? 'not measured' : `${(Math.floor(value * 10 ** digits) / 10 ** digits).toFixed(digits)} %`;

/** The weighted score of the four components; null only when none of them was measured. */
export function executiveScore(input: ScoreInputs): ExecutiveScore {
  const weightedAlerts = Object.entries(input.alerts.bySeverity).reduce(
    (sum, [severity, count]) => sum + (ALERT_WEIGHTS[severity] ?? 1) * count,
    0,
  );
  const components: ScoreComponent[] = [
    {
      key: 'availability',
      label: 'Availability',
      score: availabilityScore(input.availabilityPct),
      weight: SCORE_WEIGHTS.availability,
      basis: `servers' availability ${pct(input.availabilityPct, 3)}; 95 % scores 0, 100 % scores 100`,
    },
    {
      key: 'patching',
      label: 'Patching',
      score: ratioScore(input.patches.fullyPatched, input.patches.known),
      weight: SCORE_WEIGHTS.patching,
      basis: `${input.patches.fullyPatched} of ${input.patches.known} devices fully patched`,
    },
    {
      key: 'security',
      label: 'Security',
      score: ratioScore(input.securityChecks.passed, input.securityChecks.total),
      weight: SCORE_WEIGHTS.security,
      basis: `${input.securityChecks.passed} of ${input.securityChecks.total} security checks passed`,
    },
    {
      key: 'alerts',
      label: 'Alerts',
      score: alertScore(input.alerts.bySeverity, input.alerts.devices),
      weight: SCORE_WEIGHTS.alerts,
      basis: `${weightedAlerts} weighted alerts over ${input.alerts.devices} devices`,
    },
  ];
  const measured = components.filter((c) => c.score !== null);
  const weight = measured.reduce((sum, c) => sum + c.weight, 0);
  if (weight === 0) return { score: null, band: null, components };
  const raw = measured.reduce((sum, c) => sum + (c.score as number) * c.weight, 0) / weight;
  const score = Math.round(raw);
  return { score, band: bandOf(score), components };
}
