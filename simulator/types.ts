// Compact in-memory records. API-shaped JSON is produced from these by serialize.ts; include-gated
// device detail is never stored (device-detail.ts derives it from `seed`).
export type Platform = 'Windows' | 'Mac' | 'Linux';
export type DeviceRole = 'workstation' | 'server' | 'domain_controller';
export type AlertSeverity = 'information' | 'warning' | 'critical' | 'emergency';
export type RunStatus = 'pending' | 'running' | 'succeeded' | 'failed';

export const ALERT_SEVERITIES: readonly AlertSeverity[] = ['information', 'warning', 'critical', 'emergency'];

export interface DeviceRecord {
  /** n and seed are assigned after the generator shuffles enrolment order. */
  n: number;
  seed: number;
  readonly hostname: string;
  nickname: string | null;
  readonly role: DeviceRole;
  readonly platform: Platform;
  groupN: number | null;
  /** Tag numbers, not names: renaming a tag must show up on every device at once. */
  tagNs: readonly number[];
  flag: string | null;
  maintenance: boolean;
  online: boolean;
  notes: string | null;
  /** Index into HARDWARE_PROFILES. */
  readonly hardware: number;
  readonly serial: string | null;
  readonly totalMemory: number;
  readonly memorySlots: number;
  readonly cpuCores: number;
  user: string | null;
  lastRebootMs: number;
  lastSeenMs: number;
  readonly city: string | null;
  readonly country: string | null;
  securityScore: number | null;
  readonly publicIp: string | null;
  readonly privateIp: string;
}

export interface GroupRecord {
  readonly n: number;
  name: string;
  parentN: number | null;
  /** Direct children, ascending. */
  childNs: number[];
}

export interface AlertRecord {
  n: number;
  readonly deviceN: number;
  readonly deviceHostname: string;
  readonly name: string;
  readonly description: string;
  readonly payload: string | null;
  readonly severity: AlertSeverity;
  resolved: boolean;
  readonly startedMs: number;
  resolvedMs: number | null;
}

export interface TagRecord {
  readonly n: number;
  name: string;
  /** Tagged devices, ascending by n. */
  devices: DeviceRecord[];
}

export interface CustomFieldRecord {
  readonly n: number;
  name: string;
  reference: string;
  adminOnly: boolean;
}

export interface WebhookTrigger {
  readonly token: string;
  readonly requiresAuth: boolean;
  readonly parameters: readonly string[];
}

export interface AutomationRecord {
  readonly n: number;
  readonly name: string;
  readonly description: string | null;
  groupN: number | null;
  readonly webhook: WebhookTrigger | null;
  readonly steps: readonly string[];
}

export interface RunRecord {
  readonly n: number;
  readonly automationN: number;
  readonly deviceN: number | null;
  readonly deviceHostname: string | null;
  status: RunStatus;
  readonly willFail: boolean;
  readonly startedMs: number;
  endedMs: number | null;
  readonly variables: Readonly<Record<string, string>>;
}

export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}
