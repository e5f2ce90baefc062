import { checkedDeviceWalk, type CheckedWalkOptions } from '@/lib/fleet/checked-walk';
import { walkSerial } from '@/lib/fleet/walk-devices';
import { createLevelClient } from '@/lib/level';
import {
  decodeId,
  encodeId,
  startSimulator,
  type DeviceOrder,
  type RunningSimulator,
  type UnknownCursor,
} from '@/simulator';
import { afterEach, describe, expect, it } from 'vitest';

// The sliced device walk rests on guesses about Level (its order, what a deleted cursor does).
// Against every answer the simulator can give, with devices enrolled, deleted and re-seen between
// the syncs and between the pages of the walk, the checked walk must end with every device
// exactly once: the truth read afterwards by a plain serial walk.

const KEY = 'checked-walk-key-0123456789';
const DEVICES = 3_000;
const SLICES = 4;
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

interface Mutations {
  /** Device-list pages (of the whole list) after which Level changes. */
  pages: number;
  /** Also after pages of filtered lists (a group's, the ungrouped one). */
  filtered?: boolean;
  onPage: (page: { id: string }[]) => void;
}

/** A client whose Level changes right after answering each of the first `pages` list pages. */
function clientFor(running: RunningSimulator, mutations: Mutations | null) {
  let pages = 0;
  const hooked: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    const wholeList = url.pathname.endsWith('/devices') && !url.searchParams.has('group_id');
    if (mutations && (wholeList || mutations.filtered) && response.ok && pages < mutations.pages) {
      pages += 1;
      mutations.onPage(((await response.clone().json()) as { data: { id: string }[] }).data);
    }
    return response;
  };
  // No budget: the group-by-group walk sends a request per group, and the test is not about pacing.
  return createLevelClient({
    baseUrl: running.url,
    apiKey: KEY,
    concurrency: SLICES,
    requestsPerMinute: 100_000,
    fetch: hooked,
  });
}

async function boot(unknownCursor: UnknownCursor, deviceOrder: DeviceOrder) {
  sim = await startSimulator({
    devices: DEVICES,
    seed: 17,
    apiKey: KEY,
    frozen: true,
    quiet: true,
    listing: { unknownCursor, deviceOrder },
  });
  return sim;
}

/** Level as it is now, read by the walk that trusts nothing but Level's own cursor. */
async function truth(running: RunningSimulator): Promise<string[]> {
  const walk = await walkSerial(clientFor(running, null), () => {});
  expect(walk.duplicates).toBe(0);
  return walk.devices.map((device) => device.id);
}

/** Levelboard's fleet changes: enrolments (grouped and not), deletions, devices seen again. */
function fleetChanges(running: RunningSimulator) {
  const { state } = running;
  let seenAt = Date.now() + 1_000_000;
  const someGroup = encodeId('Group', state.store.groups[0]?.n ?? 0);
  let enrolled = 0;
  return {
    remove(id: string) {
      const device = state.store.device(decodeId(id)?.n ?? -1);
      if (device) state.store.removeDevice(device);
    },
    enrol() {
      enrolled += 1;
      state.enrolDevice({ group_id: enrolled % 2 === 0 ? someGroup : null });
    },
    /** Seen again: under the last_seen order it moves to the end of the list. */
    seeAgain(id: string) {
      const device = state.store.device(decodeId(id)?.n ?? -1);
      if (device) device.lastSeenMs = seenAt++;
    },
  };
}

const CURSORS: UnknownCursor[] = ['position', 'error', 'empty', 'restart'];
const ORDERS: DeviceOrder[] = ['id', 'last_seen'];
const CASES = ORDERS.flatMap((order) => CURSORS.map((cursor) => [cursor, order] as const));

describe('checkedDeviceWalk: no device lost or doubled, whatever Level’s cursors do', () => {
  it.each(CASES)(
    'unknown cursor → %s, order by %s: devices enrolled, deleted and re-seen between syncs and pages',
    async (unknownCursor, deviceOrder) => {
      const running = await boot(unknownCursor, deviceOrder);
      const previous = await truth(running);
      const change = fleetChanges(running);
      // Between the syncs: slice starts deleted (their cursors become unknown), devices enrolled,
      // one slice start seen again (under last_seen it jumps to the end, taking its cursor along).
      const sliceStart = (k: number) => previous[(k * DEVICES) / SLICES - 1] as string;
      change.remove(sliceStart(1));
      change.remove(sliceStart(2));
      change.enrol();
      change.enrol();
      change.seeAgain(sliceStart(3));
      // During the walk: after each of the first pages, a device ahead is deleted, one enrolled,
      // and the page's last device (the next cursor) seen again.
      let victim = 0;
      const mutations: Mutations = {
        pages: 8,
        onPage(page) {
          change.remove(previous[300 + 97 * victim++] as string);
          change.enrol();
          const last = page.at(-1);
          if (last) change.seeAgain(last.id);
        },
      };
      const options: CheckedWalkOptions = {
        previousOrder: previous,
        previousCount: previous.length,
        slices: SLICES,
        serial: false,
        onDevice: () => {},
      };
      const walked = await checkedDeviceWalk(clientFor(running, mutations), options);
      const ids = walked.devices.map((device) => device.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...(await truth(running))].sort());
      expect(walked.check.agreed).toBe(true);
      // The first (sliced) walk could not be trusted here: Level changed under it.
      expect(walked.check.firstMode).toBe('sliced');
      expect(walked.check.fellBackBecause.length).toBeGreaterThan(0);
    },
  );

  it.each(CASES)(
    'unknown cursor → %s, order by %s: a serial walk that Level changes under is walked again',
    async (unknownCursor, deviceOrder) => {
      const running = await boot(unknownCursor, deviceOrder);
      const previous = await truth(running);
      const change = fleetChanges(running);
      let victim = 0;
      const mutations: Mutations = {
        pages: 5,
        onPage(page) {
          change.remove(previous[2_000 + victim++] as string);
          change.enrol();
          const last = page.at(-1);
          if (last) change.seeAgain(last.id);
        },
      };
      const walked = await checkedDeviceWalk(clientFor(running, mutations), {
        previousOrder: previous,
        previousCount: previous.length,
        slices: SLICES,
        serial: true,
        onDevice: () => {},
      });
      const ids = walked.devices.map((device) => device.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...(await truth(running))].sort());
      expect(walked.check).toMatchObject({ firstMode: 'serial', agreed: true });
      // By id a second serial walk is enough; by last_seen every whole-list walk is cut short
      // (the cursor jumps to the end), so only the group-by-group walk gets every device.
      expect(walked.check.keptMode).toBe(deviceOrder === 'id' ? 'serial' : 'groups');
    },
  );

  it('trusts an unchanged list walked in slices: one walk, no fallback', async () => {
    const running = await boot('position', 'id');
    const previous = await truth(running);
    const walked = await checkedDeviceWalk(clientFor(running, null), {
      previousOrder: previous,
      previousCount: previous.length,
      slices: SLICES,
      serial: false,
      onDevice: () => {},
    });
    expect(walked.devices.map((device) => device.id)).toEqual(previous);
    expect(walked.check).toMatchObject({ firstMode: 'sliced', walks: 1, agreed: true, fellBackBecause: [] });
    expect(walked.check.census?.totals).toContain(DEVICES);
  });

  it('falls back when a slice ends early without an error (deleted cursor → empty page)', async () => {
    const running = await boot('empty', 'id');
    const previous = await truth(running);
    fleetChanges(running).remove(previous[DEVICES / SLICES - 1] as string);
    const walked = await checkedDeviceWalk(clientFor(running, null), {
      previousOrder: previous,
      previousCount: previous.length,
      slices: SLICES,
      serial: false,
      onDevice: () => {},
    });
    expect(walked.devices).toHaveLength(DEVICES - 1);
    expect(walked.check.walks).toBe(2);
    expect(walked.check.fellBackBecause.join(' ')).toMatch(/group counts/);
  });

  it('keeps a walk that still disagrees after two serial walks, but says so', async () => {
    const running = await boot('position', 'id');
    const change = fleetChanges(running);
    const warnings: string[] = [];
    // Level changes under every page of every walk: no walk can agree with the counts read beside it.
    const walked = await checkedDeviceWalk(
      clientFor(running, { pages: Number.POSITIVE_INFINITY, filtered: true, onPage: () => change.enrol() }),
      {
        previousOrder: null,
        previousCount: null,
        slices: SLICES,
        serial: true,
        onDevice: () => {},
        log: { warn: (_obj, msg) => warnings.push(msg) },
      },
    );
    expect(walked.check.agreed).toBe(false);
    expect(warnings.at(-1)).toMatch(/still disagrees/);
  });
});
