import type { Access } from '@/lib/auth/scope';
import { scopedFleet } from '@/lib/auth/scoped-fleet';
import { getStore } from '@/lib/db/instance';
import type { ClientReport } from '@/lib/domain/client-report';
import { InvalidInputError, NotFoundError, UnavailableError } from '@/lib/domain/errors';
import type { ReportBranding } from '@/lib/domain/report-settings';
import { fleetService } from '@/lib/fleet/instance';
import { readBranding } from '@/lib/reports/branding';
import { buildClientReport } from '@/lib/reports/build-report';
import { readClientReportSettings } from '@/lib/reports/client-settings';
import { isMonthKey, monthPeriod, previousMonthKey, recentMonthKeys } from '@/lib/reports/period';
import 'server-only';

// Who may read a client's report, and which month: the page and its PDF route ask the same way.
// A person (admin, technician, viewer) whose scope covers the whole client; anyone else, a link
// session included (report links are their own kind), hears "no such client", as for an unknown id.

export interface ReportRead {
  report: ClientReport;
  branding: ReportBranding;
  /** The months the period picker offers, newest first. */
  months: string[];
}

export async function readReportFor(
  access: Access,
  clientId: string,
  period: string | undefined,
  now: number = Date.now(),
): Promise<ReportRead> {
  const snapshot = fleetService().current();
  if (!snapshot) throw new UnavailableError('not_synced', 'The first sync from Level has not finished yet.');
  const allowed =
    access.via === 'person' &&
    snapshot.clientIds.includes(clientId) &&
    scopedFleet(snapshot, access).groupAllowed(clientId);
  if (!allowed) throw new NotFoundError(`No client with id "${clientId}".`);
  const store = await getStore();
  const settings = await readClientReportSettings(store, clientId);
  const key = period ?? previousMonthKey(now, settings.timeZone);
  if (!isMonthKey(key)) throw new InvalidInputError('Invalid parameter "period": a month as YYYY-MM.');
  const range = monthPeriod(key, settings.timeZone);
  if (range.start > now)
    throw new InvalidInputError('Invalid parameter "period": that month has not started.');
  const [report, branding] = await Promise.all([
    buildClientReport(store, snapshot, clientId, range, now),
    readBranding(store),
  ]);
  // The picker offers the last year and the month asked for, even when it is older.
  const months = recentMonthKeys(now, settings.timeZone);
  if (!months.includes(key)) months.push(key);
  return { report, branding, months };
}

/** A file name a client can keep: `acme-dental-2026-11.pdf`. */
export function reportFileName(report: ClientReport): string {
  const slug = report.clientName
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .slice(0, 60);
  return `${slug || 'client'}-${report.periodKey}.pdf`;
}
