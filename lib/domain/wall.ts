import type { Acknowledgement } from '@/lib/domain/acknowledgement';
import type { Freshness } from '@/lib/domain/fleet';
import type { DeviceRole } from '@/lib/domain/level';
import type { Scope } from '@/lib/domain/scope';
import type { WallSettings } from '@/lib/domain/wall-settings';

// Shapes of the wall's own routes (/api/wall/*, /api/admin/walls), shared with the browser.

export type WallSeverity = 'emergency' | 'critical';

/**
 * One device that needs someone now: a server or domain controller that is offline, and/or a
 * device with critical or emergency alerts. Devices in maintenance are deliberately quiet and
 * never listed.
 */
export interface WallProblem {
  deviceId: string;
  deviceName: string;
  role: DeviceRole | null;
  clientId: string | null;
  clientName: string | null;
  groupPath: string[];
  /** Set when a server or domain controller is offline; since = last seen by Level. */
  offline: { since: string | null; acknowledged?: Acknowledgement | null } | null;
  /** Critical and emergency alerts, worst first (the severity-first rule). */
  alerts: {
    id: string;
    name: string;
    severity: WallSeverity;
    startedAt: string | null;
    acknowledged?: Acknowledgement | null;
  }[];
  /**
   * Set when every reason above is acknowledged (the newest acknowledgement). The server always
   * fills the three `acknowledged` fields; absent (older fixtures, older answers) means "not".
   */
  acknowledged?: Acknowledgement | null;
  /** The newest reason's start time (what a hold on news shows). */
  latestAt: string | null;
  /**
   * When the worst reason began (the oldest of that rank): the list is ordered severity first,
   * then by this, oldest first (lib/domain/problem-order.ts).
   */
  since: string | null;
  /**
   * 'site_down': many devices of one group went offline together (lib/fleet/site-down.ts); then
   * `deviceId` is `site:<groupId>`, `deviceName` the group's name and `site` says how many. Absent
   * on one device's problem.
   */
  kind?: 'site_down';
  site?: { groupId: string; offline: number; monitored: number; since: string };
}

export interface WallProblemsResponse extends Freshness {
  problems: WallProblem[];
  /** Problems in scope (the list stops at a limit, keeping the worst). */
  total: number;
}

export interface HeartbeatAnswer {
  /** The server's build: a wall running another build reloads. */
  build: string;
  version: string;
  serverTime: number;
}

export type WallLinkState = 'active' | 'revoked' | 'expired' | 'deleted' | 'admin';

/** One wall screen as the admin page lists it. */
export interface WallScreenView {
  id: string;
  linkId: string | null;
  linkName: string | null;
  linkState: WallLinkState;
  screenId: string;
  name: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
  /** No heartbeat for longer than its silence threshold. */
  silent: boolean;
  /** Runs another build than this server. */
  outdated: boolean;
  ip: string | null;
  userAgent: string | null;
  view: string | null;
  build: string | null;
  viewport: string | null;
  uptimeSeconds: number | null;
  wakeLock: string | null;
  lastReload: string | null;
}

/** What the wall page knows about its session before any data arrives. */
export interface WallIdentity {
  /** The link's name, or "Levelboard" on the admin's own wall. */
  title: string;
  /** Human words for the scope: "All clients", "Acme / HQ", "12 devices". */
  scope: string;
  scopeKind: Scope['kind'];
  admin: boolean;
  settings: WallSettings | null;
}
