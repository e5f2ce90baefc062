import { emptySeverityCounts } from '@/lib/domain/fleet';
import { severityCountParts, severityCountsText } from '@/lib/severity-counts';
import { describe, expect, it } from 'vitest';

describe('severity counts', () => {
  it('names each severity with its own count, worst first, zeros left out', () => {
    const counts = { ...emptySeverityCounts(), emergency: 1, warning: 7 };
    expect(severityCountsText(counts)).toBe('1 emergency · 7 warnings');
    expect(severityCountParts(counts).map((part) => part.severity)).toEqual(['emergency', 'warning']);
    expect(severityCountsText({ information: 1, warning: 1, critical: 2, emergency: 2 })).toBe(
      '2 emergencies · 2 critical · 1 warning · 1 information',
    );
    expect(severityCountsText(emptySeverityCounts())).toBe('');
  });
});
