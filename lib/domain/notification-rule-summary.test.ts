import { ruleSummary } from '@/lib/domain/notification-rule-summary';
import { ruleDefinitionSchema } from '@/lib/domain/notifications';
import { expect, it } from 'vitest';

const names = {
  channel: (id: string) => ({ ops: 'Teams ops', pager: 'PagerDuty' })[id] ?? null,
  group: (id: string) => ({ contoso: 'Contoso' })[id] ?? null,
};

it('reads the issue’s example as one plain line', () => {
  const rule = ruleDefinitionSchema.parse({
    name: 'Contoso on-call',
    events: ['alert', 'device_offline'],
    roles: ['server'],
    scope: { kind: 'groups', groupIds: ['contoso'] },
    businessHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
    channelIds: ['ops'],
  });
  expect(ruleSummary(rule, names)).toBe(
    'Critical and emergency alerts, servers offline > 5 min, for Contoso → Teams ops, weekdays 08–18, UTC',
  );
});

it('names quiet hours across midnight, the zone, repeats, a missing recovery and removed references', () => {
  const rule = ruleDefinitionSchema.parse({
    name: 'Night',
    events: ['site_down', 'level_unreachable'],
    delayMinutes: 10,
    repeatMinutes: 60,
    recovery: false,
    timeZone: 'Europe/Berlin',
    quietHours: { start: '22:30', end: '06:00' },
    scope: { kind: 'groups', groupIds: ['gone'] },
    channelIds: ['pager', 'deleted'],
  });
  expect(ruleSummary(rule, names)).toBe(
    'Sites down, Level unreachable, if still true after 10 min, for a removed group → PagerDuty, a removed channel, quiet 22:30–06, Europe/Berlin, repeats every 60 min, no recovery message',
  );
});
