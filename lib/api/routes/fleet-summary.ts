import { route } from '@/lib/api/handler';
import { respondVersioned } from '@/lib/api/respond';
import { fleetService } from '@/lib/fleet/instance';
import { buildSummary } from '@/lib/fleet/queries/summary';
import { isDemoMode } from '@/lib/runtime/level-connection';
import 'server-only';

// Served before the first sync too (zeros plus progress), so the UI can show "first sync: 12 pages".
export const fleetSummaryRoute = route('fleet.summary', (request) => {
  const service = fleetService();
  const snapshot = service.current();
  const sync = service.status();
  return respondVersioned(
    request,
    [snapshot?.version ?? 0, service.revision(), sync.stale],
    () => JSON.stringify(buildSummary(snapshot, sync, isDemoMode())),
    'summary',
  );
});
