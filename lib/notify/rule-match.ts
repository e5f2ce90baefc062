import { SYSTEM_EVENT_KINDS, type RuleDefinition } from '@/lib/domain/notifications';
import type { Signal } from '@/lib/notify/signals';

/** Whether a rule watches a signal: its events, clients, severities, roles and health band. */
export function ruleWatches(rule: RuleDefinition, signal: Signal): boolean {
  const { kind } = signal.detail;
  if (!rule.events.includes(kind)) return false;
  if (!SYSTEM_EVENT_KINDS.includes(kind) && rule.scope.kind === 'groups') {
    const path = new Set(signal.groupPath);
    if (!rule.scope.groupIds.some((id) => path.has(id))) return false;
  }
  switch (kind) {
    case 'alert':
      return rule.severities.includes(signal.detail.severity);
    case 'device_offline':
      return rule.roles.includes(signal.detail.role ?? 'workstation');
    case 'client_health':
      return rule.healthBelow === 'amber' || signal.band === 'red';
    default:
      return true;
  }
}
