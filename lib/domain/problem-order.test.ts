import {
  alertOrderFacts,
  compareSeverityFirst,
  PROBLEM_RANK,
  reasonsOrderFacts,
  sortSeverityFirst,
  type ProblemKind,
} from '@/lib/domain/problem-order';
import { describe, expect, it } from 'vitest';

const at = (minutesAgo: number) =>
  new Date(Date.parse('2026-12-01T12:00:00Z') - minutesAgo * 60_000).toISOString();

describe('the severity-first rule', () => {
  it('ranks emergency > critical > offline server > site down > warning > information', () => {
    const kinds: ProblemKind[] = [
      'information',
      'warning',
      'site_down',
      'offline_server',
      'critical',
      'emergency',
    ];
    const sorted = sortSeverityFirst(kinds, (kind) => ({ rank: PROBLEM_RANK[kind], since: 0, tie: kind }));
    expect(sorted).toEqual([
      'emergency',
      'critical',
      'offline_server',
      'site_down',
      'warning',
      'information',
    ]);
  });

  it('puts the oldest first within a rank, unknown times last, then a stable tie-break', () => {
    const items = [
      { id: 'new', rank: 40, since: 3_000 },
      { id: 'unknown', rank: 40, since: null },
      { id: 'old', rank: 40, since: 1_000 },
      { id: 'b-same', rank: 40, since: 2_000 },
      { id: 'a-same', rank: 40, since: 2_000 },
    ];
    expect(sortSeverityFirst(items, (item) => ({ ...item, tie: item.id })).map((item) => item.id)).toEqual([
      'old',
      'a-same',
      'b-same',
      'new',
      'unknown',
    ]);
  });

  it('never lets age beat severity: a new emergency comes before a six-month-old server outage', () => {
    const emergency = alertOrderFacts({ id: 'e', severity: 'emergency', startedAt: at(1) });
    const server = reasonsOrderFacts([{ kind: 'offline_server', since: at(260_000) }], 'srv');
    const warning = alertOrderFacts({ id: 'w', severity: 'warning', startedAt: at(500_000) });
    expect(compareSeverityFirst(emergency, server)).toBeLessThan(0);
    expect(compareSeverityFirst(server, warning)).toBeLessThan(0);
  });

  it('ranks a device by its worst reason, aged by the oldest reason of that rank', () => {
    const facts = reasonsOrderFacts(
      [
        { kind: 'offline_server', since: at(10_000) },
        { kind: 'critical', since: at(5) },
        { kind: 'critical', since: at(30) },
      ],
      'dev',
    );
    expect(facts).toEqual({ rank: PROBLEM_RANK.critical, since: Date.parse(at(30)), tie: 'dev' });
  });
});
