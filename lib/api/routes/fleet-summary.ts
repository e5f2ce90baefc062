import { route } from '@/lib/api/handler';
import { respondVersioned } from '@/lib/api/respond';
import { accessKey, seesFleetWide } from '@/lib/auth/scope';
import { scopedFleet } from '@/lib/auth/scoped-fleet';
import { fleetService } from '@/lib/fleet/instance';
import { buildSummary } from '@/lib/fleet/queries/summary';
import { isDemoMode } from '@/lib/runtime/level-connection';
import 'server-only';

// Served before the first sync too (zeros plus progress), so the UI can show "first sync: 12 pages".
export const fleetSummaryRoute = route('fleet.summary', (request, _params, access) => {
  const service = fleetService();
  const snapshot = service.current();
  const key = accessKey(access);
  return respondVersioned(
    request,
    [snapshot?.version ?? 0, service.revision(), service.isStale(), key],
    () => {
      const view = snapshot ? scopedFleet(snapshot, access) : undefined;
      const admin = seesFleetWide(access);
      return JSON.stringify(buildSummary(snapshot, service.status(), isDemoMode(), view, admin));
    },
    `summary:${key}`,
  );
});
