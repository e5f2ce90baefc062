import type { Group } from '@/lib/domain/level';

// Level gives no total count, but its groups count their devices. Those counts are an answer
// independent of the device walk, so a walk that lost or doubled a device disagrees with them.

export interface DeviceCensus {
  /**
   * Totals the walk may equal, one per reading of Level's counts (whether
   * `descendent_device_count` includes the group's own `device_count` is undocumented): each
   * top-level group's `descendent_device_count` + ungrouped; the same plus each top-level group's
   * `device_count`; every group's `device_count` + ungrouped. A reading whose counts are missing
   * is left out.
   */
  totals: number[];
  ungrouped: number;
}

const sum = (values: (number | null)[]): number | null =>
  values.some((value) => value === null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0);

export function censusOf(groups: readonly Group[], ungrouped: number): DeviceCensus {
  const top = groups.filter((group) => group.parentId === null);
  const descendent = sum(top.map((group) => group.descendentDeviceCount));
  const topOwn = sum(top.map((group) => group.deviceCount));
  const direct = sum(groups.map((group) => group.deviceCount));
  const totals = new Set<number>();
  if (descendent !== null) totals.add(descendent + ungrouped);
  if (descendent !== null && topOwn !== null) totals.add(descendent + topOwn + ungrouped);
  if (direct !== null) totals.add(direct + ungrouped);
  return { totals: [...totals], ungrouped };
}

export interface WalkFacts {
  count: number;
  duplicates: number;
  mode: 'serial' | 'sliced' | 'groups';
}

/** The walk holds fewer devices than every reading of Level's counts: some were lost. */
export function fewerThanCounted(count: number, census: DeviceCensus | null): boolean {
  return census !== null && census.totals.length > 0 && census.totals.every((total) => count < total);
}

/** A walk may drop this far below the previous sync's count before a serial walk confirms it. */
export function suspiciousDrop(previous: number): number {
  return Math.max(5, Math.ceil(previous * 0.01));
}

/**
 * Why the walk cannot be trusted, or [] when it agrees with everything it can be compared with.
 * The previous count and duplicates only question a sliced walk (whose slices rest on the previous
 * order); a serial walk is the reference, judged against Level's counts alone.
 */
export function disagreements(
  walk: WalkFacts,
  census: DeviceCensus | null,
  previousCount: number | null,
): string[] {
  const out: string[] = [];
  if (census && census.totals.length > 0 && !census.totals.includes(walk.count))
    out.push(`walked ${walk.count} devices, Level's group counts say ${census.totals.join(' or ')}`);
  if (walk.mode === 'sliced') {
    if (walk.duplicates > 0) out.push(`${walk.duplicates} device ids came back twice`);
    if (previousCount !== null && previousCount - walk.count >= suspiciousDrop(previousCount))
      out.push(`walked ${walk.count} devices, the previous sync had ${previousCount}`);
  }
  return out;
}
