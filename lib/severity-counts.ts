import type { SeverityCounts } from '@/lib/domain/fleet';
import { SEVERITIES, type Severity } from '@/lib/domain/severity';

// Alert counts that say what they mean: "1 emergency · 7 warnings", never "Emergency · 8" (the
// worst severity's word next to the count of every alert).

const WORDS: Record<Severity, [string, string]> = {
  emergency: ['emergency', 'emergencies'],
  critical: ['critical', 'critical'],
  warning: ['warning', 'warnings'],
  information: ['information', 'information'],
};

export interface SeverityCountPart {
  severity: Severity;
  count: number;
  /** "1 emergency", "7 warnings". */
  text: string;
}

/** The non-zero counts, worst first. */
export function severityCountParts(counts: SeverityCounts): SeverityCountPart[] {
  return [...SEVERITIES]
    .reverse()
    .filter((severity) => counts[severity] > 0)
    .map((severity) => {
      const count = counts[severity];
      const [one, many] = WORDS[severity];
      return { severity, count, text: `${count.toLocaleString('en-US')} ${count === 1 ? one : many}` };
    });
}

export function severityCountsText(counts: SeverityCounts): string {
  return severityCountParts(counts)
    .map((part) => part.text)
    .join(' · ');
}
