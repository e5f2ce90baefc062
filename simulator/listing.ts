import { badRequest } from '@/simulator/errors';
import type { Page, PageParams } from '@/simulator/pagination';
import { byN, lowerBound, upperBound } from '@/simulator/sorted';
import type { DeviceRecord } from '@/simulator/types';
import { z } from 'zod';

// Level documents neither the order of GET /devices nor what a cursor naming a deleted device
// does. Levelboard must survive every plausible answer, so the simulator can play each of them.

/**
 * What `starting_after=<id of a device that no longer exists>` does:
 * - `position`: the id still marks its place (the simulator's default, a keyset on the sort key);
 * - `error`: 400, as an API validating the cursor would;
 * - `empty`: an empty last page (`has_more: false`) — a walk that ends early without an error;
 * - `restart`: the first page again, as an API that ignores a cursor it cannot find.
 */
export const UNKNOWN_CURSORS = ['position', 'error', 'empty', 'restart'] as const;
export type UnknownCursor = (typeof UNKNOWN_CURSORS)[number];

/**
 * The device list's order: by id (stable), or by `last_seen_at` ascending — a field that changes
 * while a walk is under way, so devices move past the cursor between pages.
 */
export const DEVICE_ORDERS = ['id', 'last_seen'] as const;
export type DeviceOrder = (typeof DEVICE_ORDERS)[number];

export interface ListingSettings {
  unknownCursor: UnknownCursor;
  deviceOrder: DeviceOrder;
}

export const LISTING_DEFAULTS: ListingSettings = { unknownCursor: 'position', deviceOrder: 'id' };

export const listingPatchSchema = z.strictObject({
  unknownCursor: z.enum(UNKNOWN_CURSORS).optional(),
  deviceOrder: z.enum(DEVICE_ORDERS).optional(),
});

export interface ListingController {
  get(): ListingSettings;
  /** Merges a partial update; throws a 400 ApiError on an unknown value. */
  set(patch: unknown): ListingSettings;
  reset(): ListingSettings;
}

export function createListing(initial: Partial<ListingSettings> = {}): ListingController {
  const start = { ...LISTING_DEFAULTS, ...initial };
  let current = { ...start };
  return {
    get: () => ({ ...current }),
    set(patch) {
      const parsed = listingPatchSchema.safeParse(patch ?? {});
      if (!parsed.success) throw badRequest(z.prettifyError(parsed.error));
      current = {
        unknownCursor: parsed.data.unknownCursor ?? current.unknownCursor,
        deviceOrder: parsed.data.deviceOrder ?? current.deviceOrder,
      };
      return { ...current };
    },
    reset() {
      current = { ...start };
      return { ...current };
    },
  };
}

type SortKey = readonly [number, number];

const compare = (a: SortKey, b: SortKey): number => a[0] - b[0] || a[1] - b[1];

export interface DeviceLookup {
  /** A live device by number. */
  device(n: number): DeviceRecord | undefined;
  /** A deleted device as it was when deleted (its last sort key). */
  removed(n: number): DeviceRecord | undefined;
}

/**
 * One page of devices under the listing settings. `candidates` is ascending by id (every store
 * index is); only the `last_seen` order sorts a copy. The cursor's position is its device's sort
 * key now (a live device that moved takes the cursor with it, as a real keyset would).
 */
export function pageDevices(
  candidates: readonly DeviceRecord[],
  params: PageParams,
  settings: ListingSettings,
  lookup: DeviceLookup,
  accept?: (device: DeviceRecord) => boolean,
): Page<DeviceRecord> {
  const keyOf = (d: DeviceRecord): SortKey =>
    settings.deviceOrder === 'id' ? [0, d.n] : [d.lastSeenMs, d.n];
  const ordered =
    settings.deviceOrder === 'id' ? candidates : [...candidates].sort((a, b) => compare(keyOf(a), keyOf(b)));
  const backwards = params.endingBefore !== null;
  const cursorN = backwards ? params.endingBefore : params.startingAfter;
  let cursor: SortKey | null = null;
  if (cursorN !== null) {
    const live = lookup.device(cursorN);
    if (live) cursor = keyOf(live);
    else if (settings.unknownCursor === 'error')
      throw badRequest(`${backwards ? 'ending_before' : 'starting_after'} is not a known Device id`);
    else if (settings.unknownCursor === 'empty') return { items: [], hasMore: false };
    else if (settings.unknownCursor === 'position') {
      const gone = lookup.removed(cursorN);
      if (gone) cursor = keyOf(gone);
      else if (settings.deviceOrder === 'id') cursor = [0, cursorN];
      else throw badRequest('starting_after is not a known Device id');
    }
    // 'restart': no cursor, the first page.
  }
  const items: DeviceRecord[] = [];
  let hasMore = false;
  const inRange = (d: DeviceRecord) =>
    cursor === null || (backwards ? compare(keyOf(d), cursor) < 0 : compare(keyOf(d), cursor) > 0);
  const step = backwards && cursor !== null ? -1 : 1;
  // By id the candidates are already the order, so the cursor is a binary search, not a scan.
  const first =
    settings.deviceOrder !== 'id' || cursor === null
      ? step === 1
        ? 0
        : ordered.length - 1
      : step === 1
        ? upperBound(ordered, cursor[1], byN)
        : lowerBound(ordered, cursor[1], byN) - 1;
  for (let i = first; i >= 0 && i < ordered.length; i += step) {
    const device = ordered[i] as DeviceRecord;
    if (!inRange(device) || (accept && !accept(device))) continue;
    if (items.length === params.limit) {
      hasMore = true;
      break;
    }
    items.push(device);
  }
  if (step === -1) items.reverse();
  return { items, hasMore };
}
