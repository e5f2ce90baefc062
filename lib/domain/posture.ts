// Patch and security posture (issue 20): what Levelboard keeps of Level's `include_security`
// device fields and `/v2/updates`, per device and per client, and the daily sample it records.

/** One pending or failed update, as listed on a device and in a report. */
export interface PatchItem {
  name: string | null;
  category: string | null;
  kbIds: string[];
  /** Level's failure text, when it sent one: the update is counted as failed. */
  error: string | null;
  publishedAt: string | null;
}

/** A device's updates, summarised when they were last fetched. */
export interface DevicePatchSummary {
  /** Pending (`is_available`) updates, failed ones included. */
  pending: number;
  /** Pending updates that carry an `error`. */
  failed: number;
  /** Pending updates whose category names security. */
  securityPending: number;
  /** Installed within the 30 days before the fetch. */
  installedLast30Days: number;
  /** The oldest pending update's `published_on` (ISO), or null. */
  oldestPendingAt: string | null;
  /** Up to 20 pending items, failed first then oldest first. */
  items: PatchItem[];
}

export type PostureRisk = 'low' | 'medium' | 'high' | 'critical' | 'unknown';

/** `high` risk means high or critical. */
export const isHighRisk = (risk: PostureRisk): boolean => risk === 'high' || risk === 'critical';

/**
 * A device's posture as the device list, filters and reports read it. Every member is null when
 * Level did not say (or Levelboard has not fetched it yet): unknown is never counted as good.
 */
export interface DevicePosture {
  securityScore: number | null;
  risk: PostureRisk;
  antivirus: 'good' | 'bad' | 'unknown';
  antivirusProvider: string | null;
  firewallEnabled: boolean | null;
  encrypted: boolean | null;
  osEndOfLife: boolean | null;
  /** Null until the device's updates were fetched once. */
  patches: DevicePatchSummary | null;
  /** When the security fields and the updates were last fetched (epoch ms). */
  securitySyncedAt: number | null;
  patchesSyncedAt: number | null;
}

/** A scope's posture at one moment: counts over its devices (maintenance included). */
export interface PostureFigures {
  devices: number;
  /** Devices whose security fields are known. */
  securityKnown: number;
  /** Sum and count of known security scores, for an exact average. */
  securityScoreSum: number;
  securityScoreCount: number;
  highRisk: number;
  antivirusBad: number;
  antivirusUnknown: number;
  firewallOff: number;
  unencrypted: number;
  osEndOfLife: number;
  /** Devices whose updates are known. */
  patchesKnown: number;
  /** Known devices with no pending update. */
  fullyPatched: number;
  pendingUpdates: number;
  failedUpdates: number;
  securityPendingUpdates: number;
  devicesWithFailed: number;
  /** The oldest pending update's publish date across the scope (ISO), or null. */
  oldestPendingAt: string | null;
}

/** One day of a posture trend. */
export interface PosturePoint {
  /** UTC midnight of the day, epoch ms. */
  day: number;
  figures: PostureFigures;
}

/** One state per device for filters and colours: failed beats pending beats ok. */
export type PatchState = 'failed' | 'pending' | 'ok' | 'unknown';
export const PATCH_STATES = ['failed', 'pending', 'ok', 'unknown'] as const satisfies readonly PatchState[];

/** The posture columns of a device row (/api/devices): no names, so redaction keeps them. */
export interface DeviceRowPosture {
  patch: PatchState;
  pendingUpdates: number | null;
  failedUpdates: number | null;
  risk: PostureRisk;
  antivirus: DevicePosture['antivirus'];
  firewallEnabled: boolean | null;
  encrypted: boolean | null;
  osEndOfLife: boolean | null;
}

/** The device list's posture filters; every one absent = no filtering. */
export interface PostureFilters {
  patch?: PatchState[];
  /** `high` = high or critical; `unknown` = Level gave no risk. */
  risk?: Array<'high' | 'low' | 'medium' | 'unknown'>;
  antivirus?: Array<DevicePosture['antivirus']>;
  encrypted?: boolean;
  eol?: boolean;
}

/** Known devices with no pending update, as a share of known devices (null when none known). */
export const patchCompliance = (f: PostureFigures): number | null =>
  f.patchesKnown === 0 ? null : f.fullyPatched / f.patchesKnown;

export const averageSecurityScore = (f: PostureFigures): number | null =>
  f.securityScoreCount === 0 ? null : f.securityScoreSum / f.securityScoreCount;

/** `/api/posture`: the caller's fleet (or scope) and each visible client, now, plus a trend. */
export interface PostureSummaryResponse {
  figures: PostureFigures;
  clients: Array<{ id: string; name: string; figures: PostureFigures }>;
  /** Daily points of the caller's fleet scope; empty when no daily series stands for it. */
  trend: PosturePoint[];
  /** Whether Level's `/v2/updates` answers this API key (null: this replica does not know). */
  updates: 'unknown' | 'available' | 'not-available' | null;
  syncedAt: string;
  stale: boolean;
}

/** One device of a client's posture list (names pseudonymised on a redacted link). */
export interface PostureDeviceRow extends DeviceRowPosture {
  id: string;
  name: string;
  securityScore: number | null;
  securityPending: number | null;
  oldestPendingAt: string | null;
}

/** `/api/posture/clients/:id`. */
export interface ClientPostureResponse {
  client: { id: string; name: string };
  figures: PostureFigures;
  trend: PosturePoint[];
  /** Devices with a problem first (failed, high risk, antivirus bad, …), at most 50. */
  devices: PostureDeviceRow[];
  syncedAt: string;
  stale: boolean;
}
