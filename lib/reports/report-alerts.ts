import type { Store } from '@/lib/db/open';
import type { ReportPeriod } from '@/lib/domain/report';
import type { NoisyDevice, ReportAlerts } from '@/lib/reports/model';
import { sql } from 'kysely';
import 'server-only';

const SEVERE = new Set(['critical', 'emergency']);

/**
 * Alerts of the period from `alert_events`: opened and resolved counts, opened per severity, and the
 * five devices that opened the most. Grouped in the database (a month of a large fleet is many
 * thousand events), then filtered to the client's devices here.
 */
export async function readReportAlerts(
  store: Store,
  deviceIds: ReadonlySet<string>,
  nameOf: ReadonlyMap<string, string>,
  period: ReportPeriod,
): Promise<ReportAlerts> {
  const rows = await store.db
    .selectFrom('alert_events')
    .select(['device_id', 'kind', 'severity', sql<number>`count(*)`.as('n')])
    .where('at', '>=', period.start)
    .where('at', '<', period.end)
    .groupBy(['device_id', 'kind', 'severity'])
    .execute();
  const bySeverity: Record<string, number> = { information: 0, warning: 0, critical: 0, emergency: 0 };
  const perDevice = new Map<string, NoisyDevice>();
  let opened = 0;
  let resolved = 0;
  for (const row of rows) {
    if (!deviceIds.has(row.device_id)) continue;
    const n = Number(row.n);
    if (row.kind === 'resolved') {
      resolved += n;
      continue;
    }
    opened += n;
    bySeverity[row.severity] = (bySeverity[row.severity] ?? 0) + n;
    const entry = perDevice.get(row.device_id) ?? {
      deviceId: row.device_id,
      name: nameOf.get(row.device_id) ?? row.device_id,
      alerts: 0,
      severe: 0,
    };
    entry.alerts += n;
    if (SEVERE.has(row.severity)) entry.severe += n;
    perDevice.set(row.device_id, entry);
  }
  const noisyDevices = [...perDevice.values()]
    .sort((a, b) => b.alerts - a.alerts || b.severe - a.severe || a.name.localeCompare(b.name))
    .slice(0, 5);
  return { opened, resolved, bySeverity, noisyDevices };
}
