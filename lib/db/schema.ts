import type { Generated } from 'kysely';

// Everything Levelboard owns. Times are epoch milliseconds (BIGINT in PostgreSQL, parsed back to
// numbers by lib/db/open.ts) so both engines store and compare them identically.

/** A history scope: `fleet` or a group id (the group's whole subtree). */
export type Scope = string;

export interface MetricColumns {
  total: number;
  online: number;
  offline: number;
  maintenance: number;
  alerts_information: number;
  alerts_warning: number;
  alerts_critical: number;
  alerts_emergency: number;
  /** Sum and count of known security scores, so averages roll up exactly. */
  security_sum: number;
  security_count: number;
}

/** Raw samples, written when a scope's figures change (and at least once per 5-minute bucket). */
export interface HistorySampleTable extends MetricColumns {
  scope: Scope;
  t: number;
}

/** Time-weighted averages per bucket; consecutive identical buckets are not repeated. */
export interface HistoryRollupTable extends MetricColumns {
  resolution: '5m' | '1h';
  scope: Scope;
  bucket: number;
  /** Milliseconds of the bucket for which Levelboard had data (weights the next rollup). */
  covered_ms: number;
}

/** One row per successful sync: when Levelboard was watching (gaps mean "no data", not "unchanged"). */
export interface SyncLogTable {
  t: number;
  duration_ms: number;
  devices: number;
  level_requests: number;
}

/** Last recorded status per device: makes transitions restart-safe. */
export interface DeviceStateTable {
  device_id: string;
  status: 'online' | 'offline' | 'maintenance';
  since: number;
  seen_at: number;
}

/** A device's client as last seen (issue 20's "removed in the period"); written on changes only. */
export interface DeviceMembershipTable {
  device_id: string;
  /** The top-level group the device is in; null when it is in no group. */
  client_id: string | null;
  name: string;
  device_class: 'server' | 'workstation';
  /** Since when it is in `client_id` (its first sighting, or the sync that saw it move). */
  joined_at: number;
}

/** A device leaving a client: Level no longer lists it (`removed`) or it moved out (`moved`). */
export interface ClientDepartureTable {
  client_id: string;
  device_id: string;
  left_at: number;
  joined_at: number;
  name: string;
  device_class: 'server' | 'workstation';
  reason: 'removed' | 'moved';
}

export interface DeviceTransitionTable {
  id: Generated<number>;
  device_id: string;
  at: number;
  from_status: 'online' | 'offline' | 'maintenance' | null;
  to_status: 'online' | 'offline' | 'maintenance';
}

export interface AlertEventTable {
  id: Generated<number>;
  alert_id: string;
  device_id: string;
  kind: 'opened' | 'resolved';
  at: number;
  severity: string;
  name: string;
}

/** Small named values: the replicated fleet snapshot pointer, settings, … */
export interface KeyValueTable {
  key: string;
  value: string;
  updated_at: number;
}

/** The leader's latest fleet snapshot (gzip JSON), read by the other replicas. */
export interface FleetSnapshotTable {
  id: number;
  version: number;
  synced_at: number;
  payload: Buffer;
}

export interface ShareLinkTable {
  id: string;
  name: string;
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  token_hash: string;
  kind: 'viewer' | 'wall' | 'report';
  /** JSON of lib/auth/scope.ts `Scope`. */
  scope: string;
  /** 1 = hide hostnames and users. */
  redact: number;
  /** JSON of the wall's rotation settings (wall links). */
  wall_settings: string | null;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
  use_count: Generated<number>;
  /** Report links only: JSON of lib/domain/report.ts `ReportPeriod` (added by 0009-reports). */
  report_period: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  /** Who, as people read it: a person's name and e-mail, `admin (break-glass)`, `link:<id>` or `anonymous`. */
  actor: string;
  /** The person's user id (users.id), `break-glass`, or null (links, anonymous, entries before issue 18). */
  actor_id: string | null;
  action: string;
  target: string | null;
  result: 'ok' | 'denied' | 'failed';
  /** JSON with what else matters; never secrets. */
  detail: string | null;
  ip: string | null;
}

/** A wall screen's last contact (heartbeat), per share link and screen. */
export interface WallScreenTable {
  /** `<link id or "admin">:<screen id>`. */
  id: string;
  /** The wall share link, or null for an admin's own session. */
  link_id: string | null;
  /** Random per browser (localStorage), chosen by the screen. */
  screen_id: string;
  name: string | null;
  first_seen_at: number;
  last_seen_at: number;
  ip: string | null;
  user_agent: string | null;
  /** JSON of what the screen last reported (view, build, viewport, uptime, …). */
  detail: string;
}

/** A session ended before its cookie expires (logout); kept until that expiry. */
export interface EndedSessionTable {
  session_id: string;
  ended_at: number;
  expires_at: number;
}

/** "Someone is on it": one per problem key (lib/domain/acknowledgement.ts). */
export interface AcknowledgementTable {
  problem_key: string;
  /** Who acknowledged: "admin" until team accounts exist. */
  by: string;
  note: string | null;
  at: number;
}

/** A Level webhook event Levelboard accepted (lib/webhooks): the persisted dedupe and the relay to the leader. */
export interface WebhookEventTable {
  event_id: string;
  event_type: string;
  /** `alert:<id>`, `device:<id>` or `group:<id>`; null for event types Levelboard ignores. */
  resource_key: string | null;
  /** Level's `occurred_at`, epoch ms. */
  occurred_at: number;
  received_at: number;
  /** When the sync leader applied it (null: waiting for the leader, or ignored types never need it). */
  applied_at: number | null;
  /** The raw body, kept until the leader has applied the event. */
  payload: string | null;
}

export type UserRole = 'admin' | 'technician' | 'viewer';

export interface UserTable {
  id: string;
  /** Lower-case; unique. */
  email: string;
  name: string;
  role: UserRole;
  /** JSON of lib/domain/scope.ts's Scope: `fleet` or `groups`. */
  scope: string;
  /** scrypt, self-describing (lib/users/password.ts); null: no local password (OIDC only, or invited). */
  password_hash: string | null;
  /** Sealed with lib/auth/key-vault.ts. Set at enrolment; counts once totp_enabled_at is set. */
  totp_secret: string | null;
  totp_enabled_at: number | null;
  /** The last TOTP time step accepted, so a code is never accepted twice. */
  totp_last_step: number | null;
  /** JSON array of SHA-256 hex digests of the unused recovery codes. */
  recovery_codes: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  disabled_at: number | null;
  /** Sessions issued under an older generation no longer count. */
  session_generation: number;
  created_at: number;
  updated_at: number;
  last_sign_in_at: number | null;
}

export interface UserInviteTable {
  /** SHA-256 (base64url) of the token in the link; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  purpose: 'invite' | 'reset';
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface UserSessionTable {
  session_id: string;
  /** null: the break-glass admin. */
  user_id: string | null;
  method: 'password' | 'oidc' | 'break-glass';
  issued_at: number;
  last_seen_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
  ended_at: number | null;
}

/** Where notifications go (lib/notify/channels). */
export interface NotificationChannelTable {
  id: string;
  name: string;
  kind: 'email' | 'teams' | 'slack' | 'ntfy' | 'pagerduty' | 'webhook';
  /** JSON of the channel kind's non-secret settings. */
  config: string;
  /** Sealed (lib/auth/key-vault.ts) JSON of the kind's secret settings; never sent to a browser. */
  secret: string | null;
  enabled: number;
  /** The most messages this channel is sent per minute (the rest wait). */
  rate_per_minute: number;
  created_at: number;
  updated_at: number;
}

/** A notification rule; `definition` is JSON of lib/domain/notifications.ts `RuleDefinition`. */
export interface NotificationRuleTable {
  id: string;
  name: string;
  enabled: number;
  definition: string;
  created_at: number;
  updated_at: number;
}

/** One open (or recently resolved) condition a rule watches: the memory behind delay, repeat, recovery. */
export interface NotificationIncidentTable {
  /** `<rule id>|<signal key>`. */
  id: string;
  rule_id: string;
  /** lib/notify/signals.ts: `alert:<id>`, `offline:<device>@<since>`, `site:<group>`, ... */
  signal_key: string;
  kind: string;
  /** When the condition began (Level's time where it has one). */
  since: number;
  /** When Levelboard first saw it. */
  detected_at: number;
  /** When the first message about it was queued; null while delayed, held or waiting to group. */
  notified_at: number | null;
  /** The last trigger or repeat queued. */
  last_sent_at: number | null;
  resolved_at: number | null;
  recovery_sent_at: number | null;
  /** JSON of the signal's latest description (lib/domain/notifications.ts `SignalDetail`). */
  detail: string;
}

/** A message to one channel: written before it is sent; the delivery log. */
export interface NotificationOutboxTable {
  id: string;
  channel_id: string;
  /** null: a test message from Settings. */
  rule_id: string | null;
  kind: 'trigger' | 'repeat' | 'recovery' | 'test';
  /** JSON of lib/domain/notifications.ts `NotificationMessage`. */
  message: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  created_at: number;
  next_attempt_at: number;
  claimed_at: number | null;
  claimed_by: string | null;
  sent_at: number | null;
  /** The receiver's HTTP status (or SMTP reply code) of the last attempt. */
  last_status: number | null;
  /** Why the last attempt failed, in words (never a secret). */
  last_error: string | null;
  /** The start of the receiver's answer to the last attempt (at most 500 characters). */
  last_answer: string | null;
}

/** Latest posture per device (issue 20); JSON columns hold lib/domain/posture.ts shapes. */
export interface DevicePostureTable {
  device_id: string;
  /** JSON of `DeviceSecurity` as Level last sent it, or null before the first posture walk. */
  security: string | null;
  security_synced_at: number | null;
  /** JSON of `DevicePatchSummary`, or null before this device's updates were first fetched. */
  patches: string | null;
  patches_synced_at: number | null;
}

/** One posture sample per scope (`fleet` or a client group id) and UTC day (the day's last). */
export interface PostureSampleTable {
  scope: string;
  /** UTC midnight of the day, epoch ms. */
  day: number;
  /** When the figures were taken. */
  t: number;
  /** JSON of lib/domain/posture.ts `PostureFigures`. */
  figures: string;
}

export interface ClientReportSettingsTable {
  /** The client's group id (a top-level group). */
  client_id: string;
  /** JSON of lib/domain/report-settings.ts `ClientReportSettings`. */
  settings: string;
  updated_at: number;
}

export interface ReportScheduleTable {
  id: string;
  client_id: string;
  /** JSON of lib/domain/report-settings.ts `ReportScheduleDefinition`. */
  definition: string;
  enabled: number;
  next_run_at: number | null;
  last_run_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface ReportArchiveTable {
  id: string;
  client_id: string;
  period_start: number;
  period_end: number;
  created_at: number;
  trigger: 'schedule' | 'manual';
  schedule_id: string | null;
  delivery: 'attachment' | 'link' | 'none';
  /** JSON array of e-mail addresses. */
  recipients: string;
  status: 'generated' | 'sent' | 'failed';
  /** Why sending failed, in words (never a secret). */
  error: string | null;
  share_link_id: string | null;
  pdf: Buffer | null;
  pdf_bytes: number | null;
}

export interface Database {
  share_links: ShareLinkTable;
  audit_log: AuditLogTable;
  history_samples: HistorySampleTable;
  history_rollups: HistoryRollupTable;
  sync_log: SyncLogTable;
  device_states: DeviceStateTable;
  device_transitions: DeviceTransitionTable;
  alert_events: AlertEventTable;
  key_values: KeyValueTable;
  fleet_snapshots: FleetSnapshotTable;
  wall_screens: WallScreenTable;
  ended_sessions: EndedSessionTable;
  acknowledgements: AcknowledgementTable;
  webhook_events: WebhookEventTable;
  users: UserTable;
  user_invites: UserInviteTable;
  user_sessions: UserSessionTable;
  notification_channels: NotificationChannelTable;
  notification_rules: NotificationRuleTable;
  notification_incidents: NotificationIncidentTable;
  notification_outbox: NotificationOutboxTable;
  device_posture: DevicePostureTable;
  posture_samples: PostureSampleTable;
  client_report_settings: ClientReportSettingsTable;
  report_schedules: ReportScheduleTable;
  report_archive: ReportArchiveTable;
  device_memberships: DeviceMembershipTable;
  client_departures: ClientDepartureTable;
}
