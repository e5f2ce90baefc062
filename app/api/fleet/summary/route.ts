import { route } from '@/lib/api/handler';
import { respondVersioned } from '@/lib/api/respond';
import { fleetService } from '@/lib/fleet/instance';
import { buildSummary } from '@/lib/fleet/queries/summary';
import { isDemoMode } from '@/lib/runtime/level-connection';

export const dynamic = 'force-dynamic';

// Served before the first sync too (zeros plus progress), so the UI can show "first sync: 12 pages".
export const GET = route('fleet.summary', (request) => {
  const service = fleetService();
  const snapshot = service.current();
  const sync = service.status();
  return respondVersioned(
    request,
    [snapshot?.version ?? 0, JSON.stringify(sync)],
    () => JSON.stringify(buildSummary(snapshot, sync, isDemoMode())),
    'summary',
  );
});
