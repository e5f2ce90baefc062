import type { WallProblem } from '@/lib/domain/wall';
import { keyRanks, newlyWorse, RANK, worstFirst } from '@/lib/wall/problems';
import { describe, expect, it } from 'vitest';

const problem = (
  deviceId: string,
  latestAt: string,
  severity: 'critical' | 'emergency' | null,
  offline = false,
): WallProblem => ({
  deviceId,
  deviceName: deviceId,
  role: offline ? 'server' : 'workstation',
  clientId: null,
  clientName: null,
  groupPath: [],
  offline: offline ? { since: latestAt } : null,
  alerts: severity ? [{ id: deviceId, name: deviceId, severity, startedAt: latestAt }] : [],
  latestAt,
  since: latestAt,
});

describe('wall problem ranks', () => {
  const critical = problem('c', '2026-01-01T10:05:00Z', 'critical');
  const older = problem('o', '2026-01-01T10:00:00Z', 'critical');
  const emergency = problem('e', '2026-01-01T09:00:00Z', 'emergency');
  const server = problem('s', '2026-01-01T11:00:00Z', null, true);

  it('puts the worst first, then the newest: an emergency never sits under the criticals', () => {
    expect(worstFirst([server, older, critical, emergency]).map((p) => p.deviceId)).toEqual([
      'e',
      'c',
      'o',
      's',
    ]);
  });

  it('lets only what is worse than everything already shown hold', () => {
    const ranks = keyRanks([critical, older, emergency, server]);
    expect(newlyWorse(ranks, ['alert:c'])).toEqual({ keys: [], rank: 0 });
    expect(newlyWorse(keyRanks([critical, older, server]), ['alert:c', 'offline:s'])).toEqual({
      keys: [],
      rank: 0,
    });
    expect(newlyWorse(keyRanks([critical, emergency]), ['alert:e'])).toEqual({
      keys: ['alert:e'],
      rank: RANK.emergency,
    });
    // Nothing shown before: all new problems are worse than nothing.
    expect(newlyWorse(keyRanks([critical, server]), ['alert:c', 'offline:s'])).toEqual({
      keys: ['alert:c', 'offline:s'],
      rank: RANK.critical,
    });
  });
});
