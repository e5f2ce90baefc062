import type { HistoryPoint } from '@/lib/domain/history';
import { historyHighlights } from '@/lib/wall/history-highlights';
import { describe, expect, it } from 'vitest';

const point = (t: string, onlinePct: number | null, critical: number, emergency = 0): HistoryPoint => ({
  t,
  total: 10,
  online: 9,
  offline: 1,
  maintenance: 0,
  onlinePct,
  alerts: { information: 0, warning: 0, critical, emergency },
  securityScore: null,
});

describe('historyHighlights', () => {
  it('finds the latest online share, the low point and the peak of serious alerts', () => {
    const result = historyHighlights([
      point('2026-11-26T00:00:00Z', 99, 1),
      point('2026-11-26T03:00:00Z', 91.5, 2, 3),
      point('2026-11-26T06:00:00Z', null, 0),
      point('2026-11-26T09:00:00Z', 97, 4),
    ]);
    expect(result).toEqual({
      nowPct: 97,
      low: { pct: 91.5, at: '2026-11-26T03:00:00Z' },
      peakSerious: { count: 5, at: '2026-11-26T03:00:00Z' },
    });
  });

  it('has nothing to say without points', () => {
    expect(historyHighlights([])).toEqual({ nowPct: null, low: null, peakSerious: null });
  });
});
