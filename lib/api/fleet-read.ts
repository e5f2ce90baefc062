import { ApiError } from '@/lib/api/errors';
import { fleetService } from '@/lib/fleet/instance';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import 'server-only';

/** The current snapshot and its freshness; 503 (with the sync progress message) before the first sync. */
export function readFleet(): { snapshot: FleetSnapshot; stale: boolean; syncedAt: string } {
  const service = fleetService();
  const snapshot = service.current();
  if (!snapshot) {
    const status = service.status();
    const reason = status.lastError ? ` Last attempt failed: ${status.lastError}` : '';
    throw new ApiError(503, 'not_synced', `The first sync from Level has not finished yet.${reason}`);
  }
  return { snapshot, stale: service.isStale(), syncedAt: snapshot.syncedAt };
}
