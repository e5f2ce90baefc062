import type { HistoryPoint } from '@/lib/domain/history';

// The three figures beside the wall's 24-hour chart, so the room gets the story without reading axes.

export interface HistoryHighlights {
  /** Online share at the latest point. */
  nowPct: number | null;
  /** Lowest online share and when. */
  low: { pct: number; at: string } | null;
  /** Most critical + emergency alerts open at once, and when. */
  peakSerious: { count: number; at: string } | null;
}

export function historyHighlights(points: readonly HistoryPoint[]): HistoryHighlights {
  let low: HistoryHighlights['low'] = null;
  let peak: HistoryHighlights['peakSerious'] = null;
  let nowPct: number | null = null;
  for (const point of points) {
    if (point.onlinePct !== null) {
      nowPct = point.onlinePct;
      if (!low || point.onlinePct < low.pct) low = { pct: point.onlinePct, at: point.t };
    }
    const serious = point.alerts.critical + point.alerts.emergency;
    if (!peak || serious > peak.count) peak = { count: serious, at: point.t };
  }
  return { nowPct, low, peakSerious: peak };
}
