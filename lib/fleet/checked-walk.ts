import type { Device, Group } from '@/lib/domain/level';
import { censusOf, disagreements, fewerThanCounted, type DeviceCensus } from '@/lib/fleet/device-census';
import { walkByGroup, walkDevices, walkSerial, type DeviceWalk } from '@/lib/fleet/walk-devices';
import type { LevelClient } from '@/lib/level';
import { isLevelApiError } from '@/lib/level/errors';
import 'server-only';

/** Serial walks after a disagreement; Level changing under every one of them is not worth more. */
export const MAX_SERIAL_WALKS = 2;

export interface CheckedWalkOptions {
  /** Device ids in Level's order from the last sync (null on the first). */
  previousOrder: readonly string[] | null;
  /** Devices in the last sync (null on the first). */
  previousCount: number | null;
  /** Parallel slices for the first walk. */
  slices: number;
  /** Walk serially whatever the previous order: the periodic full walk. */
  serial: boolean;
  onDevice: (count: number) => void;
  log?: { warn: (obj: object, msg: string) => void };
}

export interface WalkCheck {
  /** How the first walk went: serial or in slices. */
  firstMode: DeviceWalk['mode'];
  /** How the kept walk went (`groups`: group by group, the last resort). */
  keptMode: DeviceWalk['mode'];
  /** What made the sync walk serially after the first walk ([] when nothing did). */
  fellBackBecause: string[];
  /** Device walks this sync made (1 when the first one agreed). */
  walks: number;
  /** The kept walk agrees with Level's counts (or there were none to compare with). */
  agreed: boolean;
  /** Level's counts used for the last check, or null when they could not be read. */
  census: DeviceCensus | null;
}

export interface CheckedWalk {
  devices: Device[];
  groups: Group[];
  check: WalkCheck;
}

/**
 * Devices counted by Level's `group_id=null` filter. Null when Level refuses the filter: the
 * census then has nothing to add the groups' counts to, and the walk is judged without it.
 */
async function countUngrouped(client: LevelClient): Promise<number | null> {
  let count = 0;
  try {
    for await (const device of client.devices.list({ groupId: null }))
      if (device.groupId === null) count += 1;
  } catch (error) {
    if (isLevelApiError(error) && (error.kind === 'validation' || error.kind === 'not_found')) return null;
    throw error;
  }
  return count;
}

async function readCensus(client: LevelClient): Promise<{ groups: Group[]; census: DeviceCensus | null }> {
  const [groups, ungrouped] = await Promise.all([client.groups.listAll(), countUngrouped(client)]);
  return { groups, census: ungrouped === null ? null : censusOf(groups, ungrouped) };
}

/**
 * The device walk, checked against an answer that does not depend on it: Level's group counts
 * (read at the same time), the previous sync's count and duplicate ids. A sliced walk that
 * disagrees is replaced by a serial one; a serial walk that disagrees (Level changed during it)
 * is repeated once; if whole-list walks still lose devices, the list is read group by group. A
 * walk that still disagrees is kept — the counts may be the ones lagging —
 * but never silently: it is logged and reported (`check.agreed`).
 */
export async function checkedDeviceWalk(
  client: LevelClient,
  options: CheckedWalkOptions,
): Promise<CheckedWalk> {
  const firstWalk = options.serial
    ? walkSerial(client, options.onDevice)
    : walkDevices(client, options.previousOrder, options.slices, options.onDevice);
  let [walk, read] = await Promise.all([firstWalk, readCensus(client)]);
  const facts = (current: DeviceWalk) => ({
    count: current.devices.length,
    duplicates: current.duplicates,
    mode: current.mode,
  });
  let problems = disagreements(facts(walk), read.census, options.previousCount);
  const firstMode: DeviceWalk['mode'] = walk.cursorRefused ? 'sliced' : walk.mode;
  const fellBackBecause = [...(walk.cursorRefused ? [walk.cursorRefused] : []), ...problems];
  // A refused cursor already cost a (partial) sliced walk before the serial one.
  let walks = walk.cursorRefused ? 2 : 1;
  let serialWalks = walk.mode === 'serial' ? 1 : 0;
  while (problems.length > 0 && serialWalks < MAX_SERIAL_WALKS) {
    options.log?.warn({ problems }, 'Device walk disagrees with Level; walking the list serially');
    [walk, read] = await Promise.all([walkSerial(client, options.onDevice), readCensus(client)]);
    walks += 1;
    serialWalks += 1;
    problems = disagreements(facts(walk), read.census, options.previousCount);
  }
  // Whole-list walks keep losing devices (Level's list moves under every one of them): walk each
  // group's own list instead, and keep that walk if it agrees or at least loses fewer.
  if (problems.length > 0 && fewerThanCounted(walk.devices.length, read.census)) {
    options.log?.warn({ problems }, 'Device list walks keep losing devices; walking group by group');
    const byGroup = await walkByGroup(client, read.groups, options.onDevice);
    const reread = await readCensus(client);
    walks += 1;
    const groupProblems = disagreements(facts(byGroup), reread.census, options.previousCount);
    if (groupProblems.length === 0 || byGroup.devices.length > walk.devices.length) {
      [walk, read, problems] = [byGroup, reread, groupProblems];
    }
  }
  if (problems.length > 0)
    options.log?.warn(
      { problems, walks },
      'Device walk still disagrees with Level’s group counts after serial walks; keeping the last walk',
    );
  return {
    devices: walk.devices,
    groups: read.groups,
    check: {
      firstMode,
      keptMode: walk.mode,
      fellBackBecause,
      walks,
      agreed: problems.length === 0,
      census: read.census,
    },
  };
}
