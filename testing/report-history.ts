import type { Store } from '@/lib/db/open';
import type { DeviceStatus } from '@/lib/domain/fleet';

// Seeds a real store (either engine) with a history whose figures are known in advance: device
// first sightings and status changes (device_states + device_transitions), Levelboard's coverage
// (sync_log, with gaps where it "was not running") and alert events. Used by the availability
// tests, the report's pdftotext test and `npm run report:sample`.
//
// Everything is written the way the recorder writes it: a device's first sighting is not a
// transition (device_states.seen_at), each change is one transition row whose from_status is the
// previous status, device_states holds the status after the last change. Coverage is a sync every
// `everyMs` (default 60 s, under the server's 2-minute sync gap), none inside a gap.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface SeededDevice {
  id: string;
  /** When Levelboard first saw it (uptime is unknown before). */
  firstSeen: number;
  /** Its status at first sight. */
  initial: DeviceStatus;
  /** Later changes, ascending; a change to the current status is ignored, as the recorder would. */
  changes?: Array<{ at: number; to: DeviceStatus }>;
}

/** A device that is online from `firstSeen` except for the given outages (offline [start, end)). */
export function deviceWithOutages(
  id: string,
  firstSeen: number,
  outages: Array<{ start: number; end: number | null; status?: 'offline' | 'maintenance' }>,
): SeededDevice {
  const changes: Array<{ at: number; to: DeviceStatus }> = [];
  for (const outage of [...outages].sort((a, b) => a.start - b.start)) {
    changes.push({ at: outage.start, to: outage.status ?? 'offline' });
    if (outage.end !== null) changes.push({ at: outage.end, to: 'online' });
  }
  return { id, firstSeen, initial: 'online', changes };
}

async function insertChunked<T>(items: readonly T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await write(items.slice(i, i + size));
}

/** Writes device_states and device_transitions for these devices. */
export async function seedDevices(store: Store, devices: readonly SeededDevice[]): Promise<void> {
  const states: Array<{ device_id: string; status: DeviceStatus; since: number; seen_at: number }> = [];
  const transitions: Array<{
    device_id: string;
    at: number;
    from_status: DeviceStatus;
    to_status: DeviceStatus;
  }> = [];
  for (const device of devices) {
    let status = device.initial;
    let since = device.firstSeen;
    for (const change of device.changes ?? []) {
      if (change.to === status) continue;
      transitions.push({ device_id: device.id, at: change.at, from_status: status, to_status: change.to });
      status = change.to;
      since = change.at;
    }
    states.push({ device_id: device.id, status, since, seen_at: device.firstSeen });
  }
  await insertChunked(states, 1000, (chunk) => store.db.insertInto('device_states').values(chunk).execute());
  await insertChunked(transitions, 1000, (chunk) =>
    store.db.insertInto('device_transitions').values(chunk).execute(),
  );
}

export interface CoverageSpec {
  from: number;
  to: number;
  /** Sync period; default 60 s (the server treats more than 2 minutes without a sync as a gap). */
  everyMs?: number;
  /** Stretches with no sync at all: Levelboard was not running. */
  gaps?: Array<{ start: number; end: number }>;
}

/**
 * Writes sync_log rows every `everyMs` over [from, to), none whose period [t, t + everyMs) touches
 * a gap. The server lets a sync vouch until the next one but for at most its sync gap (2 minutes by
 * default, lib/history/config.ts), so a gap [a, b) with edges on the sync grid reads as unknown
 * from (a - everyMs) + gap to b: with the defaults, [a + 1 min, b). Returns the sync times.
 */
export async function seedCoverage(store: Store, spec: CoverageSpec): Promise<number[]> {
  const every = spec.everyMs ?? MINUTE;
  const gaps = spec.gaps ?? [];
  const rows: Array<{ t: number; duration_ms: number; devices: number; level_requests: number }> = [];
  for (let t = spec.from; t < spec.to; t += every) {
    if (gaps.some((gap) => t + every > gap.start && t < gap.end)) continue;
    rows.push({ t, duration_ms: 800, devices: 0, level_requests: 1 });
  }
  await insertChunked(rows, 2000, (chunk) => store.db.insertInto('sync_log').values(chunk).execute());
  return rows.map((row) => row.t);
}

export interface SeededAlert {
  alertId: string;
  deviceId: string;
  severity: 'information' | 'warning' | 'critical' | 'emergency';
  name: string;
  openedAt: number;
  /** null: still open. */
  resolvedAt: number | null;
}

/** Writes alert_events (opened, and resolved when it was). */
export async function seedAlerts(store: Store, alerts: readonly SeededAlert[]): Promise<void> {
  const rows = alerts.flatMap((alert) => {
    const base = {
      alert_id: alert.alertId,
      device_id: alert.deviceId,
      severity: alert.severity,
      name: alert.name,
    };
    const opened = { ...base, kind: 'opened' as const, at: alert.openedAt };
    return alert.resolvedAt === null
      ? [opened]
      : [opened, { ...base, kind: 'resolved' as const, at: alert.resolvedAt }];
  });
  await insertChunked(rows, 1000, (chunk) => store.db.insertInto('alert_events').values(chunk).execute());
}

export interface SeededMembership {
  deviceId: string;
  clientId: string | null;
  name: string;
  deviceClass: 'server' | 'workstation';
  /** Since when it is in the client (its first sighting, or when it moved in). */
  joinedAt: number;
}

export interface SeededDeparture extends Omit<SeededMembership, 'clientId'> {
  clientId: string;
  leftAt: number;
  reason: 'removed' | 'moved';
}

/** Writes device_memberships (devices Level lists) and client_departures (devices that left a client). */
export async function seedMemberships(
  store: Store,
  memberships: readonly SeededMembership[],
  departures: readonly SeededDeparture[] = [],
): Promise<void> {
  await insertChunked(memberships, 1000, (chunk) =>
    store.db
      .insertInto('device_memberships')
      .values(
        chunk.map((m) => ({
          device_id: m.deviceId,
          client_id: m.clientId,
          name: m.name,
          device_class: m.deviceClass,
          joined_at: m.joinedAt,
        })),
      )
      .execute(),
  );
  await insertChunked(departures, 1000, (chunk) =>
    store.db
      .insertInto('client_departures')
      .values(
        chunk.map((d) => ({
          client_id: d.clientId,
          device_id: d.deviceId,
          left_at: d.leftAt,
          joined_at: d.joinedAt,
          name: d.name,
          device_class: d.deviceClass,
          reason: d.reason,
        })),
      )
      .execute(),
  );
}

export interface ReportHistory {
  devices: SeededDevice[];
  coverage: CoverageSpec;
  alerts?: SeededAlert[];
  /** Devices that left a client during the history (memberships of listed devices are optional). */
  departures?: SeededDeparture[];
}

const FIVE_MINUTES = 5 * MINUTE;

/**
 * The fleet's raw samples (scope `fleet`) at the first sync of every 5-minute bucket, counting the
 * seeded devices by status, as the recorder writes them. With them a running server's maintenance
 * rolls the seeded syncs into the fleet's rollups (whose watched share is the coverage it reads
 * once the raw sync log is pruned after 48 h), so seeded coverage survives the retention.
 */
export async function seedFleetSamples(
  store: Store,
  devices: readonly SeededDevice[],
  syncs: readonly number[],
): Promise<void> {
  const events = devices
    .flatMap((device) => {
      const list: Array<{ at: number; from: DeviceStatus | null; to: DeviceStatus }> = [
        { at: device.firstSeen, from: null, to: device.initial },
      ];
      let status = device.initial;
      for (const change of device.changes ?? []) {
        if (change.to === status) continue;
        list.push({ at: change.at, from: status, to: change.to });
        status = change.to;
      }
      return list;
    })
    .sort((a, b) => a.at - b.at);
  const counts: Record<DeviceStatus, number> = { online: 0, offline: 0, maintenance: 0 };
  let next = 0;
  let lastBucket = -Infinity;
  const rows = [];
  for (const t of syncs) {
    const bucket = Math.floor(t / FIVE_MINUTES) * FIVE_MINUTES;
    if (bucket === lastBucket) continue;
    lastBucket = bucket;
    for (; next < events.length && (events[next]?.at ?? Infinity) <= t; next++) {
      const event = events[next]!;
      if (event.from) counts[event.from] -= 1;
      counts[event.to] += 1;
    }
    rows.push({
      scope: 'fleet',
      t,
      total: counts.online + counts.offline + counts.maintenance,
      online: counts.online,
      offline: counts.offline,
      maintenance: counts.maintenance,
      alerts_information: 0,
      alerts_warning: 0,
      alerts_critical: 0,
      alerts_emergency: 0,
      security_sum: 0,
      security_count: 0,
    });
  }
  await insertChunked(rows, 1000, (chunk) => store.db.insertInto('history_samples').values(chunk).execute());
}

/** Seeds all of it: devices, coverage (syncs and the fleet's samples), alerts. */
export async function seedReportHistory(store: Store, history: ReportHistory): Promise<void> {
  await seedDevices(store, history.devices);
  const syncs = await seedCoverage(store, history.coverage);
  await seedFleetSamples(store, history.devices, syncs);
  if (history.alerts) await seedAlerts(store, history.alerts);
  if (history.departures) await seedMemberships(store, [], history.departures);
}

/** A small deterministic PRNG (mulberry32), so the sample history is the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A plausible month (or any period) for a demo fleet, deterministic per seed: servers have a rare
 * outage of minutes to hours (one in five has one), one server in ten a maintenance window,
 * workstations go offline most nights and at weekends, one alert or two per device in ten,
 * Levelboard itself down for two hours on the 10th day. For `npm run report:sample` and screenshots.
 */
export function demoHistory(
  devices: ReadonlyArray<{ id: string; deviceClass: 'server' | 'workstation'; clientId?: string | null }>,
  period: { start: number; end: number },
  seed = 20,
): ReportHistory {
  const next = random(seed);
  const seeded: SeededDevice[] = [];
  const alerts: SeededAlert[] = [];
  const days = Math.max(1, Math.round((period.end - period.start) / DAY));
  devices.forEach((device, index) => {
    // A few devices arrive during the period: unknown before.
    const firstSeen = index % 25 === 7 ? period.start + Math.floor(next() * days) * DAY : period.start - DAY;
    const outages: Array<{ start: number; end: number | null; status?: 'offline' | 'maintenance' }> = [];
    if (device.deviceClass === 'server') {
      if (next() < 0.2) {
        const start = period.start + Math.floor(next() * (period.end - period.start - DAY));
        outages.push({
          start: Math.max(start, firstSeen + HOUR),
          end: start + Math.ceil(next() * 6) * 10 * MINUTE,
        });
      }
      if (index % 10 === 3) {
        const start = period.start + 5 * DAY + 22 * HOUR;
        outages.push({
          start: Math.max(start, firstSeen + HOUR),
          end: start + 3 * HOUR,
          status: 'maintenance',
        });
      }
    } else {
      for (let day = 0; day < days; day += 1) {
        const evening = period.start + day * DAY + (18 + Math.floor(next() * 4)) * HOUR;
        if (evening <= firstSeen || next() < 0.3) continue;
        const back = period.start + (day + 1) * DAY + (7 + Math.floor(next() * 2)) * HOUR;
        outages.push({ start: evening, end: back < period.end ? back : null });
      }
    }
    // Overlapping outages would make the changes non-monotonic: keep the first of overlapping ones.
    outages.sort((a, b) => a.start - b.start);
    const kept: typeof outages = [];
    for (const outage of outages) {
      const last = kept[kept.length - 1];
      if (last && (last.end === null || outage.start <= last.end)) continue;
      kept.push(outage);
    }
    seeded.push(deviceWithOutages(device.id, firstSeen, kept));
    if (next() < 0.1) {
      const severities = ['information', 'warning', 'critical', 'emergency'] as const;
      const openedAt = period.start + Math.floor(next() * (period.end - period.start - HOUR));
      alerts.push({
        alertId: `sample-alert-${index}`,
        deviceId: device.id,
        severity: severities[Math.floor(next() * 4)] ?? 'warning',
        name: 'Disk space low',
        openedAt,
        resolvedAt: next() < 0.7 ? openedAt + Math.ceil(next() * 12) * HOUR : null,
      });
    }
  });
  // Each client retires a workstation during the period, and one client in three moves a server out.
  const departures: SeededDeparture[] = [];
  const clientIds = [...new Set(devices.flatMap((d) => (d.clientId ? [d.clientId] : [])))];
  clientIds.forEach((clientId, index) => {
    const leftOn = (day: number) => period.start + (day % days) * DAY + 10 * HOUR;
    departures.push({
      deviceId: `sample-retired-${index}`,
      clientId,
      name: `RETIRED-WS-${String(index + 1).padStart(2, '0')}`,
      deviceClass: 'workstation',
      joinedAt: period.start - 400 * DAY,
      leftAt: leftOn(3 + Math.floor(next() * 20)),
      reason: 'removed',
    });
    if (index % 3 === 0)
      departures.push({
        deviceId: `sample-moved-${index}`,
        clientId,
        name: `OLD-SRV-${String(index + 1).padStart(2, '0')}`,
        deviceClass: 'server',
        joinedAt: period.start - 200 * DAY,
        leftAt: leftOn(12 + Math.floor(next() * 10)),
        reason: 'moved',
      });
  });
  const gapStart = period.start + 9 * DAY + 3 * HOUR;
  return {
    departures,
    devices: seeded,
    coverage: {
      from: period.start - DAY,
      to: period.end,
      gaps: [{ start: gapStart, end: gapStart + 2 * HOUR }],
    },
    alerts,
  };
}
