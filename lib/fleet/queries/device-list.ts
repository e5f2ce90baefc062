import type { DevicePlatform, DeviceRole } from '@/lib/domain/device';
import type { DeviceSort, DeviceSortKey } from '@/lib/domain/device-sort';
import { NotFoundError } from '@/lib/domain/errors';
import { deviceStatus, type DeviceRow, type DeviceStatus, type Page } from '@/lib/domain/fleet';
import type { Device } from '@/lib/domain/level';
import type { DeviceRowPosture, PostureFilters } from '@/lib/domain/posture';
import { severityRank } from '@/lib/domain/severity';
import { decodeCursor, encodeCursor } from '@/lib/fleet/queries/cursor';
import { deviceOrder } from '@/lib/fleet/queries/device-order';
import { toDeviceRow } from '@/lib/fleet/queries/device-row';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { pseudonym, redactDeviceRow, redactFlag } from '@/lib/redaction/redact';
import 'server-only';

/** What a device list may ask for; lib/api/schemas/devices.ts parses a URL into one. */
export interface DeviceListQuery extends PostureFilters {
  q?: string;
  status?: DeviceStatus[];
  /** A group id (its whole subtree), or `ungrouped`. */
  group?: string;
  /** A tag id or a tag name. */
  tag?: string;
  platform?: DevicePlatform[];
  role?: DeviceRole[];
  alerts?: 'any' | 'none' | 'critical';
  /** Level's device flag: `any` (flagged), `none` (not flagged) or one flag's text (any case). */
  flag?: string;
  sort: DeviceSort;
  cursor?: string;
  limit: number;
}

/** A device's posture columns, when the caller has them (lib/posture keeps them, not the fleet). */
export type PostureLookup = (device: Device) => DeviceRowPosture;

function posturePredicates(filters: PostureFilters, lookup: PostureLookup): Predicate[] {
  const out: Predicate[] = [];
  if (filters.patch) {
    const wanted = new Set<string>(filters.patch);
    out.push((device) => wanted.has(lookup(device).patch));
  }
  if (filters.risk) {
    const wanted = new Set<string>(filters.risk);
    out.push((device) => {
      const risk = lookup(device).risk;
      return wanted.has(risk === 'critical' ? 'high' : risk);
    });
  }
  if (filters.antivirus) {
    const wanted = new Set<string>(filters.antivirus);
    out.push((device) => wanted.has(lookup(device).antivirus));
  }
  if (filters.encrypted !== undefined) {
    const wanted = filters.encrypted;
    out.push((device) => lookup(device).encrypted === wanted);
  }
  if (filters.eol !== undefined) {
    const wanted = filters.eol;
    out.push((device) => lookup(device).osEndOfLife === wanted);
  }
  return out;
}

type Predicate = (device: Device, index: number) => boolean;

const UNKNOWN_ROW_POSTURE: DeviceRowPosture = {
  patch: 'unknown',
  pendingUpdates: null,
  failedUpdates: null,
  risk: 'unknown',
  antivirus: 'unknown',
  firewallEnabled: null,
  encrypted: null,
  osEndOfLife: null,
};

function groupPredicate(snapshot: FleetSnapshot, group: string): Predicate {
  if (group === 'ungrouped') {
    return (device) => !device.groupId || !snapshot.groupNodes.has(device.groupId);
  }
  const members = snapshot.subtreeDevices.get(group);
  if (!members) throw new NotFoundError(`No group with id "${group}".`);
  const set = new Set(members);
  return (_device, index) => set.has(index);
}

/**
 * `within`: for a scoped link, a tag none of its devices carries does not exist (the same 404 as
 * an unknown tag), or the answer would tell whether other clients use it.
 */
function tagPredicate(snapshot: FleetSnapshot, tag: string, within: Predicate | null): Predicate {
  const name = snapshot.tagNameById.get(tag) ?? (snapshot.tagIdByName.has(tag) ? tag : undefined);
  const carries: Predicate = (device) => name !== undefined && device.tags.includes(name);
  const known =
    name !== undefined &&
    (within === null ||
      snapshot.devices.some((device, index) => within(device, index) && carries(device, index)));
  if (!known) throw new NotFoundError(`No tag with id or name "${tag}".`);
  return carries;
}

/**
 * A flag is free text, so an unknown one simply matches nothing (no 404: unlike a tag, a count of
 * zero for a guessed text tells nothing about devices outside the scope). A redacted view compares
 * with the flag as it shows it, scrubbed of names, so a filter cannot probe for a hidden name.
 */
function flagPredicate(flag: string, redact: boolean): Predicate {
  if (flag === 'any') return (device) => device.flag !== null;
  if (flag === 'none') return (device) => device.flag === null;
  const wanted = flag.toLowerCase();
  return (device) => (redact ? redactFlag(device) : device.flag)?.toLowerCase() === wanted;
}

function buildPredicates(
  snapshot: FleetSnapshot,
  query: DeviceListQuery,
  redact: boolean,
  within: Predicate | null,
): Predicate[] {
  const predicates: Predicate[] = [];
  if (query.group) predicates.push(groupPredicate(snapshot, query.group));
  if (query.tag) predicates.push(tagPredicate(snapshot, query.tag, within));
  if (query.status) {
    const wanted = new Set(query.status);
    predicates.push((device) => wanted.has(deviceStatus(device)));
  }
  if (query.platform) {
    const wanted = new Set<string>(query.platform);
    predicates.push((device) => wanted.has(device.platform ?? 'other'));
  }
  if (query.role) {
    const wanted = new Set<string>(query.role);
    predicates.push((device) => device.role !== null && wanted.has(device.role));
  }
  if (query.alerts) {
    const mode = query.alerts;
    predicates.push((device) => {
      const alerts = snapshot.activeAlertsByDevice.get(device.id) ?? [];
      if (mode === 'none') return alerts.length === 0;
      if (mode === 'any') return alerts.length > 0;
      return alerts.some((alert) => severityRank(alert.severity) >= severityRank('critical'));
    });
  }
  if (query.flag) predicates.push(flagPredicate(query.flag, redact));
  if (query.q) {
    const needle = query.q.toLowerCase();
    // A redacted view searches only what it shows, or search would reveal hidden names.
    predicates.push(
      redact
        ? (device) => pseudonym(device.id).toLowerCase().includes(needle)
        : (_device, index) => (snapshot.searchText[index] ?? '').includes(needle),
    );
  }
  return predicates;
}

/**
 * Filters, sorts and pages the snapshot's devices. `allowed` narrows to what the caller may see
 * (a share link's scope); everything else behaves as if the other devices did not exist.
 */
export function listDevices(
  snapshot: FleetSnapshot,
  query: DeviceListQuery,
  allowed: Predicate = () => true,
  redact = false,
  /** True when `allowed` hides part of the fleet (a group or device-list link). */
  scoped = false,
  /** Adds the posture columns and enables the posture filters. */
  posture?: PostureLookup,
): Omit<Page<DeviceRow>, 'syncedAt' | 'stale'> {
  const descending = query.sort.startsWith('-');
  const key = (descending ? query.sort.slice(1) : query.sort) as DeviceSortKey;
  // A redacted link sorts by what it sees (pseudonyms), or the order would reveal hidden names.
  const { order, rank } = deviceOrder(snapshot, key, redact);
  const predicates = [
    allowed,
    ...buildPredicates(snapshot, query, redact, scoped ? allowed : null),
    ...posturePredicates(query, posture ?? (() => UNKNOWN_ROW_POSTURE)),
  ];
  const matchesAll = (index: number) => {
    const device = snapshot.devices[index] as Device;
    return predicates.every((predicate) => predicate(device, index));
  };

  let start = 0;
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, query.sort);
    // Only a device this caller may see anchors the cursor: one naming a device outside the scope
    // pages exactly like one naming no device at all.
    const anchor = snapshot.deviceIndex.get(cursor.i);
    const visible = anchor !== undefined && allowed(snapshot.devices[anchor] as Device, anchor);
    const position = visible ? rank.get(cursor.i) : undefined;
    const step = position === undefined ? cursor.p : descending ? order.length - 1 - position : position;
    start = step + 1;
  }
  const data: DeviceRow[] = [];
  let total = 0;
  let skipped = 0;
  let last: { id: string; step: number } | null = null;
  for (let step = 0; step < order.length; step += 1) {
    const index = order[descending ? order.length - 1 - step : step] as number;
    if (!matchesAll(index)) continue;
    total += 1;
    if (step < start) {
      skipped += 1;
      continue;
    }
    if (data.length >= query.limit) continue;
    const device = snapshot.devices[index] as Device;
    const row = toDeviceRow(snapshot, device);
    const shown = redact ? redactDeviceRow(row) : row;
    if (posture) shown.posture = posture(device);
    data.push(shown);
    last = { id: device.id, step };
  }
  const more = last !== null && total - skipped > data.length;
  return {
    data,
    total,
    nextCursor: more && last ? encodeCursor({ s: query.sort, i: last.id, p: last.step }) : null,
  };
}
