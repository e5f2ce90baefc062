import type { ClientDepartureTable, DeviceMembershipTable } from '@/lib/db/schema';
import type { DeviceClass } from '@/lib/domain/availability';
import { deviceClassOf } from '@/lib/domain/device-class';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import 'server-only';

/** What the database says about a device's client (lib/db/migrations/0010-memberships.ts). */
export interface Membership {
  clientId: string | null;
  name: string;
  deviceClass: DeviceClass;
  joinedAt: number;
}

export interface MembershipDiff {
  /** New devices, and devices whose client, name or class changed. */
  upserts: DeviceMembershipTable[];
  /** Devices Level no longer lists. */
  deleted: string[];
  /** Devices that left a client in this sync: removed from Level or moved out of the client. */
  departures: ClientDepartureTable[];
}

/** The client (top-level group) of every device in a group, by device index. */
function clientByIndex(snapshot: FleetSnapshot): Array<string | null> {
  const out = new Array<string | null>(snapshot.devices.length).fill(null);
  for (const clientId of snapshot.clientIds)
    for (const index of snapshot.subtreeDevices.get(clientId) ?? []) out[index] = clientId;
  return out;
}

/**
 * Diffs the devices of a sync at time `t` against the recorded memberships. `firstSeen` gives a
 * device's first sighting from device_states: a device without a membership row but seen before is
 * one recorded before memberships existed (an upgraded database), so it has been in its client
 * since then as far as anyone knows, not since this sync.
 */
export function diffMemberships(
  snapshot: FleetSnapshot,
  memberships: ReadonlyMap<string, Membership>,
  firstSeen: (deviceId: string) => number | undefined,
  t: number,
): MembershipDiff {
  const diff: MembershipDiff = { upserts: [], deleted: [], departures: [] };
  const clients = clientByIndex(snapshot);
  let known = 0;
  snapshot.devices.forEach((device, index) => {
    const clientId = clients[index] ?? null;
    const name = device.displayName;
    const deviceClass = deviceClassOf(device.role);
    const prior = memberships.get(device.id);
    if (!prior) {
      const joinedAt = Math.min(t, firstSeen(device.id) ?? t);
      diff.upserts.push({
        device_id: device.id,
        client_id: clientId,
        name,
        device_class: deviceClass,
        joined_at: joinedAt,
      });
      return;
    }
    known += 1;
    if (prior.clientId === clientId && prior.name === name && prior.deviceClass === deviceClass) return;
    const moved = prior.clientId !== clientId;
    if (moved && prior.clientId !== null)
      diff.departures.push(departure(device.id, prior, prior.clientId, t, 'moved'));
    diff.upserts.push({
      device_id: device.id,
      client_id: clientId,
      name,
      device_class: deviceClass,
      joined_at: moved ? t : prior.joinedAt,
    });
  });
  // Usually every recorded device is still there; only build the id set when some are not.
  if (known < memberships.size) {
    const present = new Set(snapshot.devices.map((device) => device.id));
    for (const [id, prior] of memberships) {
      if (present.has(id)) continue;
      diff.deleted.push(id);
      if (prior.clientId !== null) diff.departures.push(departure(id, prior, prior.clientId, t, 'removed'));
    }
  }
  return diff;
}

function departure(
  deviceId: string,
  prior: Membership,
  clientId: string,
  t: number,
  reason: ClientDepartureTable['reason'],
): ClientDepartureTable {
  return {
    client_id: clientId,
    device_id: deviceId,
    left_at: t,
    joined_at: prior.joinedAt,
    name: prior.name,
    device_class: prior.deviceClass,
    reason,
  };
}

export const membershipOf = (row: DeviceMembershipTable): Membership => ({
  clientId: row.client_id,
  name: row.name,
  deviceClass: row.device_class,
  joinedAt: Number(row.joined_at),
});
