import type { Database } from '@/lib/db/schema';
import type { DeviceStatus } from '@/lib/domain/fleet';
import type { StatusTransition } from '@/lib/domain/history';
import type { HistoryConfig } from '@/lib/history/config';
import { coverage, watched } from '@/lib/history/coverage';
import { resolveWindow, type HistoryWindowInput } from '@/lib/history/resolution';
import type { Kysely } from 'kysely';
import 'server-only';

/** `DeviceHistory` without the freshness fields (the route adds those). */
export interface DeviceHistoryData {
  from: string;
  to: string;
  /** Null only for a device neither recorded nor passed in as `current`. */
  status: DeviceStatus | null;
  offlineSince: string | null;
  uptimePct: number | null;
  /** Chronological, within the window; the most recent `maxTransitions` if there are more. */
  transitions: StatusTransition[];
  truncated: boolean;
  /** Since when Levelboard has known this device (uptime never counts before it). */
  knownSince: string | null;
}

/** The device as the current snapshot has it, fresher than the database between syncs. */
export interface CurrentDevice {
  status: DeviceStatus;
  lastSeenAt: string | null;
}

const iso = (t: number) => new Date(t).toISOString();

function parseTime(value: string | null): number | null {
  const t = value ? Date.parse(value) : NaN;
  return Number.isFinite(t) ? t : null;
}

/**
 * Uptime = time online ÷ (time online + time offline), counting only time Levelboard watched
 * (weighted by coverage) since it first saw the device; maintenance counts as neither.
 */
export async function readDeviceHistory(
  db: Kysely<Database>,
  config: HistoryConfig,
  deviceId: string,
  input: HistoryWindowInput,
  options: { current?: CurrentDevice; maxTransitions: number },
): Promise<DeviceHistoryData> {
  const now = config.now();
  const window = resolveWindow(input, now);
  const state = await db
    .selectFrom('device_states')
    .selectAll()
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  const status = options.current?.status ?? state?.status ?? null;
  let offlineSince: number | null = null;
  if (status === 'offline') {
    offlineSince = state?.status === 'offline' ? state.since : parseTime(options.current?.lastSeenAt ?? null);
  }

  const rows = await db
    .selectFrom('device_transitions')
    .select(['at', 'from_status', 'to_status'])
    .where('device_id', '=', deviceId)
    .where('at', '>=', window.from)
    .where('at', '<=', window.to)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const truncated = rows.length > options.maxTransitions;
  const transitions = rows.slice(-options.maxTransitions).map((row) => ({
    at: iso(row.at),
    from: row.from_status,
    to: row.to_status,
  }));

  let uptimePct: number | null = null;
  const start = state ? Math.max(window.from, state.seen_at) : Infinity;
  const end = Math.min(window.to, now);
  if (state && end > start) {
    // The status in force at `start` is where the first later change came from.
    const later =
      rows.find((row) => row.at > start) ??
      (await db
        .selectFrom('device_transitions')
        .select(['at', 'from_status', 'to_status'])
        .where('device_id', '=', deviceId)
        .where('at', '>', end)
        .orderBy('at')
        .orderBy('id')
        .executeTakeFirst());
    let current: DeviceStatus | null = later ? later.from_status : state.status;
    let cursor = start;
    const segments = await coverage(db, config, start, end);
    const time = { online: 0, offline: 0, maintenance: 0 };
    for (const row of [...rows.filter((r) => r.at > start && r.at < end), { at: end, to_status: null }]) {
      if (current) time[current] += watched(segments, cursor, row.at);
      cursor = row.at;
      current = row.to_status;
    }
    const monitored = time.online + time.offline;
    uptimePct = monitored > 0 ? Math.round((time.online / monitored) * 10_000) / 100 : null;
  }

  return {
    from: iso(window.from),
    to: iso(window.to),
    status,
    offlineSince: offlineSince === null ? null : iso(offlineSince),
    uptimePct,
    transitions,
    truncated,
    knownSince: state ? iso(state.seen_at) : null,
  };
}
