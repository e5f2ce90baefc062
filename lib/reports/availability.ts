import type { Store } from '@/lib/db/open';
import type {
  AvailabilityTime,
  ClassAvailability,
  ClientAvailability,
  DeviceAvailability,
  DeviceClass,
} from '@/lib/domain/availability';
import { deviceClassOf } from '@/lib/domain/device-class';
import type { DeviceStatus } from '@/lib/domain/fleet';
import type { ReportPeriod } from '@/lib/domain/report';
import type { ClientReportSettings } from '@/lib/domain/report-settings';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { historyConfig, type HistoryConfig } from '@/lib/history/config';
import { coverage } from '@/lib/history/coverage';
import {
  availabilityPct,
  measureDevice,
  windowMeasures,
  type DeviceTimeline,
  type Span,
} from '@/lib/reports/availability-math';
import { businessSpans } from '@/lib/reports/business-hours';
import 'server-only';

// Availability and SLA per device and per client from the recorded history: device_states (when
// Levelboard first saw each device, its status now), device_transitions (every change) and the
// sync log / fleet rollups (when Levelboard was watching, lib/history/coverage.ts). The arithmetic
// is in availability-math.ts; this file only reads.

export interface AvailabilityDevice {
  id: string;
  name: string;
  deviceClass: DeviceClass;
}

export interface AvailabilityInput {
  clientId: string;
  devices: AvailabilityDevice[];
  period: ReportPeriod;
  hours: 'all' | 'business';
  settings: ClientReportSettings;
  now: number;
}

/** A client's devices as the snapshot has them (its whole subtree), named and classed. */
export function clientDevices(snapshot: FleetSnapshot, clientId: string): AvailabilityDevice[] {
  return (snapshot.subtreeDevices.get(clientId) ?? []).flatMap((index) => {
    const device = snapshot.devices[index];
    return device
      ? [{ id: device.id, name: device.displayName, deviceClass: deviceClassOf(device.role) }]
      : [];
  });
}

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Each device's status timeline over [start, end), read in a few queries per 500 devices. */
async function readTimelines(
  store: Store,
  ids: readonly string[],
  start: number,
  end: number,
): Promise<Map<string, DeviceTimeline>> {
  const timelines = new Map<string, DeviceTimeline>();
  const { db } = store;
  for (const chunk of chunks(ids)) {
    const states = await db
      .selectFrom('device_states')
      .select(['device_id', 'status', 'seen_at'])
      .where('device_id', 'in', chunk)
      .execute();
    const rows = await db
      .selectFrom('device_transitions')
      .select(['device_id', 'at', 'from_status', 'to_status'])
      .where('device_id', 'in', chunk)
      .where('at', '>', start)
      .where('at', '<', end)
      .orderBy('device_id')
      .orderBy('at')
      .orderBy('id')
      .execute();
    const inWindow = new Map<string, typeof rows>();
    for (const row of rows) {
      const list = inWindow.get(row.device_id);
      if (list) list.push(row);
      else inWindow.set(row.device_id, [row]);
    }
    const lacking: string[] = [];
    for (const state of states) {
      // A change before the device was (last) first seen belongs to an earlier life of the id.
      const from = Math.max(start, Number(state.seen_at));
      const list = (inWindow.get(state.device_id) ?? []).filter((row) => Number(row.at) > from);
      inWindow.set(state.device_id, list);
      if (list.length === 0) lacking.push(state.device_id);
    }
    // With no change inside the window, the status throughout is where the next change came from.
    const after = new Map<string, DeviceStatus | null>();
    if (lacking.length > 0) {
      const next = await db
        .selectFrom('device_transitions as t')
        .select(['t.device_id', 't.from_status', 't.id'])
        .where('t.device_id', 'in', lacking)
        .where('t.at', '>=', end)
        .where('t.at', '=', (eb) =>
          eb
            .selectFrom('device_transitions as u')
            .select((u) => u.fn.min('u.at').as('first'))
            .whereRef('u.device_id', '=', 't.device_id')
            .where('u.at', '>=', end),
        )
        .orderBy('t.id')
        .execute();
      for (const row of next) if (!after.has(row.device_id)) after.set(row.device_id, row.from_status);
    }
    for (const state of states) {
      const list = inWindow.get(state.device_id) ?? [];
      const first = list[0];
      const initial: DeviceStatus | null = first
        ? first.from_status
        : after.has(state.device_id)
          ? (after.get(state.device_id) ?? null)
          : state.status;
      timelines.set(state.device_id, {
        knownFrom: Number(state.seen_at),
        initial,
        changes: list.map((row) => ({ at: Number(row.at), to: row.to_status })),
      });
    }
  }
  return timelines;
}

function emptyTime(): AvailabilityTime {
  return { upMs: 0, downMs: 0, maintenanceMs: 0, unknownMs: 0, availabilityPct: null };
}

function add(sum: AvailabilityTime, part: AvailabilityTime): void {
  sum.upMs += part.upMs;
  sum.downMs += part.downMs;
  sum.maintenanceMs += part.maintenanceMs;
  sum.unknownMs += part.unknownMs;
}

/** The window actually measured: the period, up to now (the future is not unknown, just not yet). */
export function measuredWindow(period: ReportPeriod, now: number): Span {
  return { start: period.start, end: Math.max(period.start, Math.min(period.end, now)) };
}

/**
 * Availability of a client's devices over a period. `options.history` only changes the sync gap
 * (tests); everything else follows the server's history settings.
 */
export async function computeClientAvailability(
  store: Store,
  input: AvailabilityInput,
  options: { history?: HistoryConfig } = {},
): Promise<ClientAvailability> {
  const config = options.history ?? historyConfig({ now: () => input.now });
  const window = measuredWindow(input.period, input.now);
  const counted =
    input.hours === 'business'
      ? businessSpans(input.settings.businessHours, input.settings.timeZone, window.start, window.end)
      : [window];
  const segments =
    window.end > window.start ? await coverage(store.db, config, window.start, window.end) : [];
  const measures = windowMeasures(window, counted, segments);
  const timelines = await readTimelines(
    store,
    input.devices.map((device) => device.id),
    window.start,
    window.end,
  );

  const devices: DeviceAvailability[] = input.devices.map((device) => {
    const timeline = timelines.get(device.id) ?? { knownFrom: null, initial: null, changes: [] };
    const { time, incidents } = measureDevice(measures, timeline);
    return {
      deviceId: device.id,
      name: device.name,
      deviceClass: device.deviceClass,
      ...time,
      availabilityPct: availabilityPct(time),
      incidents: incidents.map((incident) => ({ deviceId: device.id, ...incident })),
    };
  });

  const targets: Record<DeviceClass, number | null> = {
    server: input.settings.slaTargets.serversPct,
    workstation: input.settings.slaTargets.workstationsPct,
  };
  const overall = emptyTime();
  const classes = {} as Record<DeviceClass, ClassAvailability>;
  for (const deviceClass of ['server', 'workstation'] as const) {
    const members = devices.filter((device) => device.deviceClass === deviceClass);
    const sum = emptyTime();
    for (const device of members) add(sum, device);
    add(overall, sum);
    const target = targets[deviceClass];
    const breaches =
      target === null
        ? []
        : members
            .filter((device) => device.availabilityPct !== null && device.availabilityPct < target)
            .sort(
              (a, b) => (a.availabilityPct ?? 0) - (b.availabilityPct ?? 0) || a.name.localeCompare(b.name),
            );
    classes[deviceClass] = {
      deviceClass,
      devices: members.length,
      targetPct: target,
      breaches,
      ...sum,
      availabilityPct: availabilityPct(sum),
    };
  }
  overall.availabilityPct = availabilityPct(overall);

  return {
    clientId: input.clientId,
    start: window.start,
    end: window.end,
    hours: input.hours,
    timeZone: input.settings.timeZone,
    overall,
    classes,
    devices,
  };
}
