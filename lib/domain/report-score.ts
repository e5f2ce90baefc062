import type { ScoreBand } from '@/lib/domain/client-report';

// The executive score's weights and bands (lib/reports/score.ts computes it): here so the report's
// footnote states exactly what the computation uses.

export const SCORE_WEIGHTS = { availability: 40, patching: 25, security: 25, alerts: 10 } as const;

export const SCORE_BANDS: ReadonlyArray<{ band: ScoreBand; min: number; label: string }> = [
  { band: 'excellent', min: 90, label: 'Excellent' },
  { band: 'good', min: 75, label: 'Good' },
  { band: 'fair', min: 60, label: 'Fair' },
  { band: 'poor', min: 0, label: 'Poor' },
];

export const ALERT_WEIGHTS: Record<string, number> = {
  emergency: 3,
  critical: 2,
  warning: 1,
  information: 0,
};

export function bandLabel(band: ScoreBand): string {
  return SCORE_BANDS.find((b) => b.band === band)?.label ?? band;
}
