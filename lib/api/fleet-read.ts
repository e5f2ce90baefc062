import { seesFleetWide, type Access } from '@/lib/auth/scope';
import { scopedFleet, type ScopedFleet } from '@/lib/auth/scoped-fleet';
import { NotFoundError, UnavailableError } from '@/lib/domain/errors';
import { fleetService } from '@/lib/fleet/instance';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import 'server-only';

export interface FleetRead {
  snapshot: FleetSnapshot;
  stale: boolean;
  syncedAt: string;
  /** The fleet as this session may see it. */
  view: ScopedFleet;
}

/** The current snapshot, its freshness and the caller's view of it; 503 before the first sync. */
export function readFleet(access: Access): FleetRead {
  const service = fleetService();
  const snapshot = service.current();
  if (!snapshot) {
    const status = service.status();
    // Upstream error text is for people who see the whole fleet; others hear only that Level is unreachable.
    const detail = seesFleetWide(access) ? status.lastError : 'Level unreachable.';
    const reason = status.lastError ? ` Last attempt failed: ${detail}` : '';
    throw new UnavailableError('not_synced', `The first sync from Level has not finished yet.${reason}`);
  }
  return {
    snapshot,
    stale: service.isStale(),
    syncedAt: snapshot.syncedAt,
    view: scopedFleet(snapshot, access),
  };
}

/** A group id from a filter or path that this view may see (`ungrouped` passes); else 404. */
export function requireGroup(read: FleetRead, groupId: string | undefined): void {
  if (groupId === undefined || groupId === 'ungrouped') return;
  if (!read.view.groupAllowed(groupId)) throw new NotFoundError(`No group with id "${groupId}".`);
}

export function requireDevice(read: FleetRead, deviceId: string | undefined): void {
  if (deviceId === undefined) return;
  if (!read.view.deviceIdAllowed(deviceId)) throw new NotFoundError(`No device with id "${deviceId}".`);
}
