import type { WallProblem } from '@/lib/domain/wall';
import { problemKeys, problemsWith, problemTitle, problemTone } from '@/lib/wall/problems';
import { SOUND_MEMORY_MS, toAnnounce } from '@/lib/wall/sound-memory';
import { describe, expect, it } from 'vitest';

const problem = (patch: Partial<WallProblem>): WallProblem => ({
  deviceId: 'd1',
  deviceName: 'DC01',
  role: 'server',
  clientId: 'c1',
  clientName: 'Acme',
  groupPath: ['Acme'],
  offline: null,
  alerts: [],
  latestAt: null,
  since: null,
  ...patch,
});

describe('problem identity and wording', () => {
  const offline = problem({ offline: { since: null }, role: 'domain_controller' });
  const alerts = problem({
    deviceId: 'd2',
    alerts: [
      { id: 'a2', name: 'CPU on fire', severity: 'critical', startedAt: null },
      { id: 'a1', name: 'Disk', severity: 'critical', startedAt: null },
    ],
  });

  it('gives every reason its own key', () => {
    expect(problemKeys(offline)).toEqual(['offline:d1']);
    expect(problemKeys(alerts)).toEqual(['alert:a2', 'alert:a1']);
    expect(problemsWith([offline, alerts], ['alert:a1'])).toEqual([alerts]);
  });

  it('labels a row by its worst reason, the severity-first rule: emergency > critical > offline', () => {
    expect(problemTone(offline)).toBe('offline');
    expect(problemTone(alerts)).toBe('critical');
    const critical = {
      ...offline,
      alerts: [{ id: 'c', name: 'x', severity: 'critical' as const, startedAt: null }],
    };
    expect(problemTone(critical)).toBe('critical');
    const both = {
      ...offline,
      alerts: [{ id: 'e', name: 'x', severity: 'emergency' as const, startedAt: null }],
    };
    expect(problemTone(both)).toBe('emergency');
  });

  it('says what is wrong in one line', () => {
    expect(problemTitle(offline)).toBe('Domain controller offline');
    expect(problemTitle(alerts)).toBe('CPU on fire (+1 more)');
  });
});

describe('sound memory', () => {
  it('plays once per problem and remembers it for a day', () => {
    const first = toAnnounce(['alert:1'], {}, 1_000);
    expect(first).toEqual({ play: true, announced: { 'alert:1': 1_000 } });
    expect(toAnnounce(['alert:1'], first.announced, 2_000).play).toBe(false);
    const later = toAnnounce(['alert:1'], first.announced, 1_000 + SOUND_MEMORY_MS);
    expect(later.play).toBe(true);
  });

  it('drops old entries so the memory stays small', () => {
    const { announced } = toAnnounce([], { old: 0, recent: SOUND_MEMORY_MS }, SOUND_MEMORY_MS + 1);
    expect(announced).toEqual({ recent: SOUND_MEMORY_MS });
  });
});
