import type { EventKind, RuleDefinition } from '@/lib/domain/notifications';
import type { Severity } from '@/lib/domain/severity';

// One line that says what a rule does, for the rules list: "Critical and emergency alerts, servers
// offline > 5 min, for Contoso → Teams ops, weekdays 08–18".

export const EVENT_LABEL: Record<EventKind, string> = {
  alert: 'New alert',
  device_offline: 'Device offline',
  site_down: 'Site down',
  client_health: 'Client health drops',
  level_unreachable: 'Level unreachable or key rejected',
  wall_silent: 'Wall screen silent',
  sync_behind: 'Sync falling behind',
};

const SEVERITY_WORD: Record<Severity, string> = {
  information: 'information',
  warning: 'warning',
  critical: 'critical',
  emergency: 'emergency',
};

const ROLE_PLURAL: Record<string, string> = {
  workstation: 'workstations',
  server: 'servers',
  domain_controller: 'DCs',
};

const DAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "a", "a and b", "a, b and c". */
export function joinAnd(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** 08:00 → 08, 22:30 → 22:30. */
const clock = (time: string) => (time.endsWith(':00') ? time.slice(0, 2) : time);

export function daysText(days: readonly number[]): string {
  const set = [...new Set(days)].sort((a, b) => a - b);
  const key = set.join('');
  if (key === '1234567') return 'every day';
  if (key === '12345') return 'weekdays';
  if (key === '67') return 'weekends';
  return set.map((day) => DAY_SHORT[day - 1] ?? String(day)).join(', ');
}

function eventsText(rule: RuleDefinition): string[] {
  const delay = rule.delayMinutes > 0 ? ` > ${rule.delayMinutes} min` : '';
  return rule.events.map((event) => {
    switch (event) {
      case 'alert':
        return `${joinAnd(rule.severities.map((severity) => SEVERITY_WORD[severity]))} alerts`;
      case 'device_offline':
        return `${joinAnd(rule.roles.map((role) => ROLE_PLURAL[role] ?? role))} offline${delay}`;
      case 'site_down':
        return 'sites down';
      case 'client_health':
        return rule.healthBelow === 'amber' ? 'client health amber or red' : 'client health red';
      case 'level_unreachable':
        return 'Level unreachable';
      case 'wall_silent':
        return 'wall screens silent';
      case 'sync_behind':
        return 'sync behind';
    }
  });
}

export interface SummaryNames {
  channel: (id: string) => string | null;
  group: (id: string) => string | null;
}

export function ruleSummary(rule: RuleDefinition, names: SummaryNames): string {
  const parts: string[] = [];
  const events = eventsText(rule);
  parts.push(capitalised(events.join(', ')));
  if (rule.delayMinutes > 0 && !rule.events.includes('device_offline'))
    parts.push(`if still true after ${rule.delayMinutes} min`);
  const head =
    rule.scope.kind === 'fleet'
      ? `${parts.join(', ')}, whole fleet`
      : `${parts.join(', ')}, for ${joinAnd(rule.scope.groupIds.map((id) => names.group(id) ?? 'a removed group'))}`;
  const channels = rule.channelIds.map((id) => names.channel(id) ?? 'a removed channel').join(', ');
  const when: string[] = [];
  if (rule.businessHours)
    when.push(
      `${daysText(rule.businessHours.days)} ${clock(rule.businessHours.start)}–${clock(rule.businessHours.end)}`,
    );
  if (rule.quietHours) when.push(`quiet ${clock(rule.quietHours.start)}–${clock(rule.quietHours.end)}`);
  if (when.length > 0 && rule.timeZone !== 'UTC') when.push(rule.timeZone);
  else if (when.length > 0) when.push('UTC');
  if (rule.repeatMinutes > 0) when.push(`repeats every ${rule.repeatMinutes} min`);
  if (!rule.recovery) when.push('no recovery message');
  return [`${head} → ${channels}`, ...when].join(', ');
}
