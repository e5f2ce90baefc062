import type { Device } from '@/lib/domain/level';
import type { LevelClient } from '@/lib/level';
import { isLevelApiError } from '@/lib/level/errors';
import 'server-only';

/** Below this many devices per slice, one serial walk is as fast and costs fewer requests. */
const MIN_DEVICES_PER_SLICE = 500;

/**
 * Level's cursors make a list walk serial: page n+1 needs page n's last id. A large fleet would
 * take pages × latency. The previous sync tells us where the list's ids sit, so the walk is split
 * into slices that start after known ids and run in parallel (bounded by the client's own
 * concurrency limit). Each slice stops when it reaches the next slice's start; the union is
 * de-duplicated, so a changed list costs at most a few extra pages, never a missing device. If
 * Level refuses a cursor (the device was deleted), the walk falls back to a serial one.
 */
export async function walkDevices(
  client: LevelClient,
  previousOrder: readonly string[] | null,
  slices: number,
  onDevice: (count: number) => void,
): Promise<Device[]> {
  let count = 0;
  const counted = (device: Device) => {
    count += 1;
    if (count % 100 === 0) onDevice(count);
    return device;
  };
  const serial = async () => {
    const out: Device[] = [];
    for await (const device of client.devices.list()) out.push(counted(device));
    return out;
  };
  const sliceCount = Math.min(slices, Math.floor((previousOrder?.length ?? 0) / MIN_DEVICES_PER_SLICE));
  if (!previousOrder || sliceCount < 2) return finish(await serial());

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
  try {
    const parts = await Promise.all(bounds.map((_, k) => walkSlice(k)));
    const seen = new Set<string>();
    return finish(parts.flat().filter((device) => !seen.has(device.id) && seen.add(device.id)));
  } catch (error) {
    if (isLevelApiError(error) && (error.kind === 'validation' || error.kind === 'not_found')) {
      count = 0;
      return finish(await serial());
    }
    throw error;
  }

  function finish(devices: Device[]) {
    onDevice(devices.length);
    return devices;
  }
}
