import type { ClientSummary, GroupTotals } from '@/lib/domain/fleet';
import { PROBLEM_RANK } from '@/lib/domain/problem-order';

// A client's health band (docs/ARCHITECTURE.md "Definitions"), from the same facts as the wall's
// problems list (alerts on monitored devices, offline servers) plus the online share:
//
//   red    any server/DC offline, any emergency or critical alert, or online < 75 %
//   amber  online < 95 %, or warnings on a tenth of the monitored devices (at least 3)
//   green  anything else: a single warning is not "needs attention"
//   empty  nothing monitored
//
// Why these numbers: below 75 % a quarter of a client is down, a site-level event; 95 % leaves
// one device out of twenty for the ordinary laptop that is off; warnings are what RMM policies
// raise by the dozen, so only a share of them says something about the client.

export const HEALTH_THRESHOLDS = {
  redBelowOnlinePct: 75,
  amberBelowOnlinePct: 95,
  amberWarningShare: 0.1,
  amberMinWarnings: 3,
} as const;

export type HealthBand = 'red' | 'amber' | 'green' | 'empty';

/** What puts a client in its band, worst first by the severity-first rule. */
export type HealthReason = 'emergency' | 'critical' | 'offline_server' | 'low_online' | 'warnings';

export interface ClientHealth {
  band: HealthBand;
  /** Worst first; empty for green and empty clients. */
  reasons: HealthReason[];
  /** Online ÷ monitored, 0–100; null when nothing is monitored. */
  onlinePct: number | null;
}

const REASON_RANK: Record<HealthReason, number> = {
  emergency: PROBLEM_RANK.emergency,
  critical: PROBLEM_RANK.critical,
  offline_server: PROBLEM_RANK.offline_server,
  // Much of a client offline at once is a site-level event: it ranks with "site down".
  low_online: PROBLEM_RANK.site_down,
  warnings: PROBLEM_RANK.warning,
};

const BAND_RANK: Record<HealthBand, number> = { red: 3, amber: 2, green: 1, empty: 0 };

export function clientHealth(totals: GroupTotals): ClientHealth {
  const monitored = totals.devices.total - totals.devices.maintenance;
  if (monitored <= 0) return { band: 'empty', reasons: [], onlinePct: null };
  const onlinePct = (totals.devices.online / monitored) * 100;
  const alerts = totals.monitoredAlerts;
  const t = HEALTH_THRESHOLDS;
  const red: HealthReason[] = [];
  if (alerts.emergency > 0) red.push('emergency');
  if (alerts.critical > 0) red.push('critical');
  if (totals.offlineServers > 0) red.push('offline_server');
  if (onlinePct < t.redBelowOnlinePct) red.push('low_online');
  if (red.length) return { band: 'red', reasons: red, onlinePct };
  const amber: HealthReason[] = [];
  if (onlinePct < t.amberBelowOnlinePct) amber.push('low_online');
  if (alerts.warning >= Math.max(t.amberMinWarnings, monitored * t.amberWarningShare)) amber.push('warnings');
  if (amber.length) return { band: 'amber', reasons: amber, onlinePct };
  return { band: 'green', reasons: [], onlinePct };
}

/**
 * Clients that need attention first: by band, then by their worst reason (the severity-first
 * rule), then the lowest online share, then by name.
 */
export function compareClientHealth(a: ClientSummary, b: ClientSummary): number {
  const [x, y] = [clientHealth(a.rollup), clientHealth(b.rollup)];
  const worst = (health: ClientHealth) => (health.reasons[0] ? REASON_RANK[health.reasons[0]] : -1);
  return (
    BAND_RANK[y.band] - BAND_RANK[x.band] ||
    worst(y) - worst(x) ||
    (x.onlinePct ?? 101) - (y.onlinePct ?? 101) ||
    a.name.localeCompare(b.name)
  );
}

export function clientsByHealth(clients: readonly ClientSummary[]): ClientSummary[] {
  return [...clients].sort(compareClientHealth);
}
