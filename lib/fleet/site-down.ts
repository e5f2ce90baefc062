import type { Device } from '@/lib/domain/device';
import type { WallProblem } from '@/lib/domain/wall';
import { getEnv } from '@/lib/env';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import 'server-only';

// Site down (issue 16): when a site loses power or its line, every device of its group goes offline
// within minutes, and the wall used to fill with one row per server. Those devices become ONE
// problem for the group, with the count and since when. A site is a group (its own devices, not its
// subgroups: a subgroup is usually another site). Thresholds (env, lib/config/env-schema.ts):
// at least SITE_DOWN_MIN_DEVICES (5) devices and SITE_DOWN_MIN_PERCENT (50) % of the group's
// monitored devices (maintenance excluded) went offline within SITE_DOWN_WINDOW_MINUTES (10) of
// each other, by Level's last-seen time. A device with an emergency alert keeps its own row: the
// worst problem is never folded away.

export interface SiteDownThreshold {
  minDevices: number;
  /** 0..1 of the group's monitored devices. */
  minShare: number;
  windowMs: number;
}

export const SITE_DOWN_DEFAULTS: SiteDownThreshold = { minDevices: 5, minShare: 0.5, windowMs: 10 * 60_000 };

export function siteDownThreshold(): SiteDownThreshold {
  const env = getEnv();
  return {
    minDevices: env.SITE_DOWN_MIN_DEVICES,
    minShare: env.SITE_DOWN_MIN_PERCENT / 100,
    windowMs: env.SITE_DOWN_WINDOW_MINUTES * 60_000,
  };
}

export interface SiteDown {
  groupId: string;
  /** The devices that went offline together. */
  deviceIds: string[];
  monitored: number;
  /** The first of them to go (ISO). */
  since: string;
}

const seenAt = (device: Device) => (device.lastSeenAt ? Date.parse(device.lastSeenAt) || 0 : 0);

/** The largest set of devices that went offline within the window of each other (latest on a tie). */
function together(offline: Device[], windowMs: number): Device[] {
  const sorted = offline.filter((device) => seenAt(device) > 0).sort((a, b) => seenAt(a) - seenAt(b));
  let best: Device[] = [];
  for (let left = 0, right = 0; right < sorted.length; right += 1) {
    while (seenAt(sorted[right]!) - seenAt(sorted[left]!) > windowMs) left += 1;
    if (right - left + 1 >= best.length) best = sorted.slice(left, right + 1);
  }
  return best;
}

/** Groups whose devices went down together, among `devices` (the caller's scope). */
export function findSitesDown(devices: readonly Device[], threshold: SiteDownThreshold): SiteDown[] {
  const byGroup = new Map<string, { monitored: number; offline: Device[] }>();
  for (const device of devices) {
    if (!device.groupId || device.maintenanceMode) continue;
    const group = byGroup.get(device.groupId) ?? { monitored: 0, offline: [] };
    group.monitored += 1;
    if (!device.online) group.offline.push(device);
    byGroup.set(device.groupId, group);
  }
  const sites: SiteDown[] = [];
  for (const [groupId, group] of byGroup) {
    if (group.offline.length < threshold.minDevices) continue;
    const down = together(group.offline, threshold.windowMs);
    if (down.length < threshold.minDevices || down.length < threshold.minShare * group.monitored) continue;
    sites.push({
      groupId,
      deviceIds: down.map((device) => device.id),
      monitored: group.monitored,
      since: new Date(seenAt(down[0]!)).toISOString(),
    });
  }
  return sites.sort((a, b) => (a.groupId < b.groupId ? -1 : 1));
}

function siteProblem(snapshot: FleetSnapshot, site: SiteDown): WallProblem {
  const node = snapshot.groupNodes.get(site.groupId);
  const client = node ? snapshot.groupNodes.get(node.clientId) : undefined;
  return {
    kind: 'site_down',
    deviceId: `site:${site.groupId}`,
    deviceName: node?.name ?? 'Unknown group',
    role: null,
    clientId: client?.id ?? null,
    clientName: client?.name ?? null,
    groupPath: node?.path ?? [],
    offline: { since: site.since },
    alerts: [],
    latestAt: site.since,
    since: site.since,
    site: {
      groupId: site.groupId,
      offline: site.deviceIds.length,
      monitored: site.monitored,
      since: site.since,
    },
  };
}

/**
 * The wall's problems with each site that went down as one problem instead of a row per device
 * (its devices' own rows are folded in, unless one carries an emergency).
 */
export function withSitesDown(
  snapshot: FleetSnapshot,
  allowed: (device: Device, index: number) => boolean,
  problems: WallProblem[],
  threshold: SiteDownThreshold = siteDownThreshold(),
): WallProblem[] {
  const sites = findSitesDown(
    snapshot.devices.filter((device, index) => allowed(device, index)),
    threshold,
  );
  if (sites.length === 0) return problems;
  const folded = new Set(sites.flatMap((site) => site.deviceIds));
  const kept = problems.filter(
    (problem) =>
      !folded.has(problem.deviceId) || problem.alerts.some((alert) => alert.severity === 'emergency'),
  );
  return [...kept, ...sites.map((site) => siteProblem(snapshot, site))];
}
