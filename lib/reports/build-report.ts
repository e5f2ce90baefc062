import type { Store } from '@/lib/db/open';
import type { ReportPeriod } from '@/lib/domain/report';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import type { ClientReport } from '@/lib/reports/model';
import 'server-only';

/** Builds a client's report for a period; throws NotFoundError for an unknown client. */
export async function buildClientReport(
  store: Store,
  snapshot: FleetSnapshot,
  clientId: string,
  period: ReportPeriod,
  now: number,
): Promise<ClientReport> {
  void store;
  void snapshot;
  void clientId;
  void period;
  void now;
  throw new Error('not implemented yet');
}
