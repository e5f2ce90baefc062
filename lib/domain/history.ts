import type { DeviceStatus, Freshness, SeverityCounts } from '@/lib/domain/fleet';

// Shapes of /api/history/*: what Levelboard itself recorded, since Level keeps only current state.

export const HISTORY_RANGES = ['1h', '24h', '7d', '30d', '1y'] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

/** Raw samples (one per sync), 5-minute or hourly rollups: chosen from the range's length. */
export type HistoryResolution = 'raw' | '5m' | '1h';

export interface HistoryPoint {
  /** Start of the bucket (or the sample time for raw), ISO 8601. */
  t: string;
  total: number;
  online: number;
  offline: number;
  maintenance: number;
  /** online ÷ (total − maintenance) × 100, or null when nothing is monitored. */
  onlinePct: number | null;
  alerts: SeverityCounts;
  securityScore: number | null;
}

export interface HistorySeries extends Freshness {
  from: string;
  to: string;
  resolution: HistoryResolution;
  /** Bucket length of the points, or null when each raw point is one sync. */
  stepMs: number | null;
  /** Chronological; a time Levelboard was not watching has no point (and appears in `gaps`). */
  points: HistoryPoint[];
  /** Stretches without data: charts break their lines there. */
  gaps: { from: string; to: string }[];
}

export interface StatusTransition {
  at: string;
  from: DeviceStatus | null;
  to: DeviceStatus;
}

export interface DeviceHistory extends Freshness {
  from: string;
  to: string;
  status: DeviceStatus;
  /** When the current offline period began (as recorded by Levelboard), or null if online. */
  offlineSince: string | null;
  /** Share of monitored time online within the range, or null without data. */
  uptimePct: number | null;
  transitions: StatusTransition[];
}

export type ChangeKind =
  | 'device_offline'
  | 'device_online'
  | 'maintenance_on'
  | 'maintenance_off'
  | 'alert_opened'
  | 'alert_resolved';

export interface ChangeEvent {
  at: string;
  kind: ChangeKind;
  deviceId: string;
  hostname: string | null;
  groupId: string | null;
  clientName: string | null;
  alertId: string | null;
  alertName: string | null;
  severity: string | null;
}

export interface ChangesResponse extends Freshness {
  events: ChangeEvent[];
}
