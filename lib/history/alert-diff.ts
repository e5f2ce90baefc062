import type { AlertEventTable } from '@/lib/db/schema';
import type { Alert } from '@/lib/domain/level';
import 'server-only';

export type AlertEventRow = Omit<AlertEventTable, 'id'>;

/** An alert the database holds as open (an `opened` event and no `resolved` one yet). */
export interface OpenAlert {
  alertId: string;
  deviceId: string;
  openedAt: number;
  severity: string;
  name: string;
}

function parseTime(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/**
 * Alert events of a sync at time `t`. Unlike device status, Level dates alerts itself
 * (`startedAt`, `resolvedAt`), so those times are used (never later than the sync that saw them).
 * Alerts already open when Levelboard starts are recorded as opened at their real start, which
 * keeps them out of "what changed in the last hour" unless they really started then.
 */
export function diffAlerts(
  active: readonly Alert[],
  known: ReadonlyMap<string, Alert>,
  open: ReadonlyMap<string, OpenAlert>,
  t: number,
): { events: AlertEventRow[]; opened: OpenAlert[]; resolved: string[] } {
  const events: AlertEventRow[] = [];
  const opened: OpenAlert[] = [];
  const activeIds = new Set<string>();
  for (const alert of active) {
    if (alert.resolved) continue;
    activeIds.add(alert.id);
    if (open.has(alert.id)) continue;
    const at = Math.min(t, parseTime(alert.startedAt) ?? t);
    events.push({
      alert_id: alert.id,
      device_id: alert.deviceId,
      kind: 'opened',
      at,
      severity: alert.severity,
      name: alert.name,
    });
    opened.push({
      alertId: alert.id,
      deviceId: alert.deviceId,
      openedAt: at,
      severity: alert.severity,
      name: alert.name,
    });
  }
  const resolved: string[] = [];
  for (const entry of open.values()) {
    if (activeIds.has(entry.alertId)) continue;
    // Gone from the active list: resolved (or deleted, which ends it just the same).
    const later = known.get(entry.alertId);
    const stated = later?.resolved ? parseTime(later.resolvedAt) : null;
    const at = Math.min(t, Math.max(entry.openedAt, stated ?? t));
    events.push({
      alert_id: entry.alertId,
      device_id: entry.deviceId,
      kind: 'resolved',
      at,
      severity: entry.severity,
      name: entry.name,
    });
    resolved.push(entry.alertId);
  }
  return { events, opened, resolved };
}
