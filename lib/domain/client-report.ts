import type { ClientAvailability, DeviceClass } from '@/lib/domain/availability';
import type { PostureFigures } from '@/lib/domain/posture';
import type { ReportPeriod } from '@/lib/domain/report';
import type { ClientReportSettings } from '@/lib/domain/report-settings';

// Everything a client report shows (issue 20), built once by `buildClientReport` and rendered by
// components/reports/ReportDocument.tsx on the page, in the report link's page and in the PDF.
// Plain data (numbers, strings, arrays): it crosses the server/client boundary and is archived
// as JSON, so no Maps, Dates or functions.

export const REPORT_MODEL_VERSION = 2;

export type ScoreBand = 'excellent' | 'good' | 'fair' | 'poor';

/** One part of the executive score: a 0–100 figure, its weight, and how it was reached. */
export interface ScoreComponent {
  key: 'availability' | 'patching' | 'security' | 'alerts';
  label: string;
  /** 0–100, or null when nothing was measured (the weight is then shared by the others). */
  score: number | null;
  /** The nominal weight in percent (the four add up to 100). */
  weight: number;
  /** One line in words: what went in. */
  basis: string;
}

export interface ExecutiveScore {
  /** 0–100 rounded, or null when no component could be measured. */
  score: number | null;
  band: ScoreBand | null;
  components: ScoreComponent[];
}

/** A downtime incident with its device's name, for the report's incident table. */
export interface ReportIncident {
  deviceId: string;
  deviceName: string;
  deviceClass: DeviceClass;
  start: number;
  end: number;
  durationMs: number;
  ongoing: boolean;
}

export interface NoisyDevice {
  deviceId: string;
  name: string;
  /** Alerts opened on it in the period. */
  alerts: number;
  /** Of which critical or emergency. */
  severe: number;
}

export interface ReportAlerts {
  /** Alerts opened in the period on the client's devices. */
  opened: number;
  /** Alerts resolved in the period. */
  resolved: number;
  /** Opened per severity (information, warning, critical, emergency; others under their own name). */
  bySeverity: Record<string, number>;
  /** Up to 5, most alerts first. */
  noisyDevices: NoisyDevice[];
}

export interface PatchDevice {
  deviceId: string;
  name: string;
  pending: number;
  failed: number;
  oldestPendingAt: string | null;
}

export interface ReportPatches {
  devices: number;
  /** Devices whose updates Levelboard has fetched. */
  known: number;
  fullyPatched: number;
  /** fullyPatched ÷ known × 100, or null when none is known. */
  compliancePct: number | null;
  pending: number;
  failed: number;
  securityPending: number;
  devicesWithFailed: number;
  oldestPendingAt: string | null;
  /** Up to 10 devices with the most failed, then pending updates. */
  worstDevices: PatchDevice[];
}

/** A day of the security trend, reduced to what the chart draws. */
export interface SecurityTrendPoint {
  /** UTC midnight of the day, epoch ms. */
  day: number;
  averageScore: number | null;
  patchCompliancePct: number | null;
  highRisk: number;
}

export interface ReportSecurity {
  figures: PostureFigures;
  /** Mean of known security scores (0–100), or null. */
  averageScore: number | null;
  /** Passed checks ÷ all checks over devices with known security fields × 100 (see score.ts). */
  checksPassedPct: number | null;
  trend: SecurityTrendPoint[];
}

export interface ReportDeviceRef {
  deviceId: string;
  name: string;
  deviceClass: DeviceClass;
  /** Epoch ms: when it joined the client (added), left it (removed), entered maintenance, or went offline. */
  at: number;
  /** Whole days from `at` to the report's reference time (for the lists with a threshold). */
  days: number;
}

/** A device that left the client: Level no longer lists it, or it moved to a group outside the client. */
export interface RemovedDeviceRef extends ReportDeviceRef {
  reason: 'removed' | 'moved';
}

export interface ClientReport {
  version: typeof REPORT_MODEL_VERSION;
  clientId: string;
  clientName: string;
  period: ReportPeriod;
  /** `2026-11` for a calendar month, otherwise `YYYY-MM-DD..YYYY-MM-DD` (local dates, end inclusive). */
  periodKey: string;
  /** "November 2026" in the client's time zone. */
  periodLabel: string;
  timeZone: string;
  generatedAt: number;
  /** The settings the report was built with (targets, thresholds, hours). */
  settings: ClientReportSettings;
  inventory: {
    devices: number;
    servers: number;
    workstations: number;
    online: number;
    offline: number;
    maintenance: number;
  };
  score: ExecutiveScore;
  /** Counted over the hours the client's SLA uses (settings.slaHours). */
  availability: ClientAvailability;
  /** Downtime incidents in the period: servers' first, then longest first (at most 50; `incidentCount` has all). */
  incidents: ReportIncident[];
  incidentCount: number;
  alerts: ReportAlerts;
  patches: ReportPatches;
  security: ReportSecurity;
  /**
   * Joined the client within the period (device_memberships.joined_at: first seen by Levelboard, or
   * moved in from outside the client), whether still there or not; not those of Levelboard's very
   * first sync (its starting inventory). At most 25, oldest first.
   */
  added: ReportDeviceRef[];
  addedCount: number;
  /** Left the client within the period (client_departures). At most 25, oldest first. */
  removed: RemovedDeviceRef[];
  removedCount: number;
  /** In maintenance for more than settings.maintenanceLongerThanDays at the reference time. */
  longMaintenance: ReportDeviceRef[];
  /** Workstations offline for more than settings.offlineLongerThanDays at the reference time. */
  longOfflineWorkstations: ReportDeviceRef[];
  /** min(now, period end): when the "longer than N days" lists are measured. */
  referenceTime: number;
}
