import type { Device, Group } from '@/lib/domain/level';
import type { LevelClient } from '@/lib/level';
import { isLevelApiError } from '@/lib/level/errors';
import 'server-only';

/** Below this many devices per slice, one serial walk is as fast and costs fewer requests. */
const MIN_DEVICES_PER_SLICE = 500;

export interface DeviceWalk {
  /** Each id once, in the order first met; the copy kept is the last one met (the freshest). */
  devices: Device[];
  /** Ids met more than once: the list moved under the walk (or slices overlapped). */
  duplicates: number;
  mode: 'serial' | 'sliced' | 'groups';
  /** Why a sliced walk became serial (Level refused a cursor), or null. */
  cursorRefused: string | null;
}

type Counted = (device: Device) => Device;

function counter(onDevice: (count: number) => void): { counted: Counted; reset: () => void } {
  let count = 0;
  return {
    counted: (device) => {
      count += 1;
      if (count % 100 === 0) onDevice(count);
      return device;
    },
    reset: () => (count = 0),
  };
}

/** Keeps each id once, at its first position, with its last copy; counts the repeats. */
function unique(devices: readonly Device[]): { devices: Device[]; duplicates: number } {
  const byId = new Map<string, Device>();
  for (const device of devices) byId.set(device.id, device);
  return { devices: [...byId.values()], duplicates: devices.length - byId.size };
}

/** The one walk whose correctness needs nothing but Level's own cursor: page after page. */
export async function walkSerial(
  client: LevelClient,
  onDevice: (count: number) => void,
): Promise<DeviceWalk> {
  const { counted } = counter(onDevice);
  const raw: Device[] = [];
  for await (const device of client.devices.list()) raw.push(counted(device));
  const { devices, duplicates } = unique(raw);
  onDevice(devices.length);
  return { devices, duplicates, mode: 'serial', cursorRefused: null };
}

/**
 * The last resort when whole-list walks keep disagreeing with Level's counts (a list ordered by
 * a field that changes under every walk): each group's own list (`group_id=`) and the ungrouped
 * one. Most groups fit on one page, which needs no cursor at all, so Level's order and cursor
 * semantics barely matter. Costs one request per group, so it is never the routine walk.
 */
export async function walkByGroup(
  client: LevelClient,
  groups: readonly Group[],
  onDevice: (count: number) => void,
): Promise<DeviceWalk> {
  const { counted } = counter(onDevice);
  const lists = await Promise.all(
    // A group Level counts no direct devices in is skipped (clients often hold only sites); if
    // that count is wrong, the walk disagrees with the counts and the caller says so.
    [...groups.filter((group) => group.deviceCount !== 0).map((group) => group.id), null].map(
      async (groupId) => {
        const out: Device[] = [];
        for await (const device of client.devices.list({ groupId })) out.push(counted(device));
        return out;
      },
    ),
  );
  const { devices, duplicates } = unique(lists.flat());
  onDevice(devices.length);
  return { devices, duplicates, mode: 'groups', cursorRefused: null };
}

/**
 * Level's cursors make a list walk serial: page n+1 needs page n's last id. A large fleet would
 * take pages × latency. The previous sync tells us where the list's ids sit, so the walk is split
 * into slices that start after known ids and run in parallel (bounded by the client's own
 * concurrency limit). Each slice stops when it reaches the next slice's start; the union is
 * de-duplicated. This rests on guesses no trace confirms (the list's order, what a deleted
 * cursor does), so the caller cross-checks the result (checked-walk.ts) and walks serially when
 * anything disagrees. If Level refuses a cursor (400/404), the walk is serial at once.
 */
export async function walkDevices(
  client: LevelClient,
  previousOrder: readonly string[] | null,
  slices: number,
  onDevice: (count: number) => void,
): Promise<DeviceWalk> {
  const sliceCount = Math.min(slices, Math.floor((previousOrder?.length ?? 0) / MIN_DEVICES_PER_SLICE));
  if (!previousOrder || sliceCount < 2) return walkSerial(client, onDevice);

  const { counted } = counter(onDevice);
  const position = new Map(previousOrder.map((id, index) => [id, index]));
  const bounds = Array.from({ length: sliceCount }, (_, k) =>
    Math.floor((k * previousOrder.length) / sliceCount),
  );
  const walkSlice = async (k: number): Promise<Device[]> => {
    const startAfter = k === 0 ? undefined : previousOrder[(bounds[k] as number) - 1];
    const nextBound = bounds[k + 1];
    const lastOwn = nextBound === undefined ? undefined : previousOrder[nextBound - 1];
    const out: Device[] = [];
    for await (const device of client.devices.list({}, { startingAfter: startAfter })) {
      const seenAt = position.get(device.id);
      if (nextBound !== undefined && seenAt !== undefined && seenAt >= nextBound) break;
      out.push(counted(device));
      if (device.id === lastOwn) break;
    }
    return out;
  };
  let parts: Device[][];
  try {
    parts = await Promise.all(bounds.map((_, k) => walkSlice(k)));
  } catch (error) {
    if (isLevelApiError(error) && (error.kind === 'validation' || error.kind === 'not_found')) {
      const walk = await walkSerial(client, onDevice);
      return { ...walk, cursorRefused: `Level refused a slice cursor (${error.kind})` };
    }
    throw error;
  }
  const { devices, duplicates } = unique(parts.flat());
  onDevice(devices.length);
  return { devices, duplicates, mode: 'sliced', cursorRefused: null };
}
