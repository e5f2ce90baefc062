import type { AlertRow, ClientSummary } from '@/lib/domain/fleet';
import type { ChangeEvent } from '@/lib/domain/history';
import { severityRank } from '@/lib/domain/severity';
import { onlinePct } from '@/lib/format';

/**
 * "What changed" from alerts alone, for servers that do not record history yet: openings and
 * resolutions since `since`, newest first.
 */
export function changesFromAlerts(alerts: readonly AlertRow[], since: number, limit: number): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  for (const alert of alerts) {
    const base = {
      deviceId: alert.deviceId,
      hostname: alert.deviceHostname,
      groupId: alert.groupId,
      clientName: alert.clientName,
      alertId: alert.id,
      alertName: alert.name,
      severity: alert.severity,
    };
    if (alert.startedAt && Date.parse(alert.startedAt) >= since) {
      events.push({ ...base, at: alert.startedAt, kind: 'alert_opened' });
    }
    if (alert.resolved && alert.resolvedAt && Date.parse(alert.resolvedAt) >= since) {
      events.push({ ...base, at: alert.resolvedAt, kind: 'alert_resolved' });
    }
  }
  return events.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, limit);
}

/** Clients needing attention first: servers down, then the worst alert, then the lowest online share. */
export function clientsByConcern(clients: readonly ClientSummary[]): ClientSummary[] {
  const rank = (client: ClientSummary) =>
    client.rollup.worstSeverity ? severityRank(client.rollup.worstSeverity) : -1;
  return [...clients].sort(
    (a, b) =>
      b.rollup.offlineServers - a.rollup.offlineServers ||
      rank(b) - rank(a) ||
      (onlinePct(a.rollup) ?? 101) - (onlinePct(b.rollup) ?? 101) ||
      a.name.localeCompare(b.name),
  );
}
