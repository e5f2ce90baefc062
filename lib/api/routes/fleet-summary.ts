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
  return respondVersioned(
    request,
    [snapshot?.version ?? 0, service.revision(), service.isStale()],
    () => JSON.stringify(buildSummary(snapshot, service.status(), isDemoMode())),
    'summary',
  );
});
