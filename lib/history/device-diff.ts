import type { DeviceStateTable, DeviceTransitionTable } from '@/lib/db/schema';
import { deviceStatus, type DeviceStatus } from '@/lib/domain/fleet';
import type { Device } from '@/lib/domain/level';
import 'server-only';

/**
 * What the database says about a device. `seenAt` is when Levelboard first saw it (the start of
 * what it knows about the device, for uptime); `since` is when the current status began.
 */
export interface DeviceState {
  status: DeviceStatus;
  since: number;
  seenAt: number;
}

export type TransitionRow = Omit<DeviceTransitionTable, 'id'>;

export interface DeviceDiff {
  transitions: TransitionRow[];
  /** New devices and devices whose status changed. */
  upserts: DeviceStateTable[];
  /** Devices Level no longer lists: forgotten, so a return starts afresh instead of faking a change. */
  removed: string[];
}

function parseTime(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/**
 * Best estimate of when a status change happened, somewhere in (after, t]. Between online and
 * offline, Level's `lastSeenAt` is the moment the agent was last heard (going down) or heard again
 * (coming back), so it is used, clamped into the interval. Maintenance is a flag an admin flips
 * and Level keeps no time for it: the sync that noticed it is the best we know.
 */
export function transitionTime(
  from: DeviceStatus,
  to: DeviceStatus,
  lastSeenAt: string | null,
  after: number,
  t: number,
): number {
  const seen = parseTime(lastSeenAt);
  if (from === 'maintenance' || to === 'maintenance' || seen === null) return t;
  return Math.min(t, Math.max(after, seen));
}

/** Diffs the devices of a sync at time `t` against the recorded states. */
export function diffDevices(
  devices: readonly Device[],
  states: ReadonlyMap<string, DeviceState>,
  t: number,
  previousSyncAt: number | null,
): DeviceDiff {
  const diff: DeviceDiff = { transitions: [], upserts: [], removed: [] };
  let known = 0;
  for (const device of devices) {
    const status = deviceStatus(device);
    const state = states.get(device.id);
    if (!state) {
      // First sight is not a transition. If it is offline, Level's last-seen time is the best
      // "offline since" there is; uptime still only counts from now (`seen_at`).
      const seen = parseTime(device.lastSeenAt);
      const since = status === 'offline' && seen !== null ? Math.min(seen, t) : t;
      diff.upserts.push({ device_id: device.id, status, since, seen_at: t });
      continue;
    }
    known += 1;
    if (state.status === status) continue;
    const after = Math.max(state.since, previousSyncAt ?? state.since);
    const at = transitionTime(state.status, status, device.lastSeenAt, after, t);
    diff.transitions.push({ device_id: device.id, at, from_status: state.status, to_status: status });
    diff.upserts.push({ device_id: device.id, status, since: at, seen_at: state.seenAt });
  }
  // Usually every recorded device is still there; only build the id set when some are not.
  if (known < states.size) {
    const present = new Set(devices.map((device) => device.id));
    for (const id of states.keys()) if (!present.has(id)) diff.removed.push(id);
  }
  return diff;
}
