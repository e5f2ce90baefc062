import type { ShareLink } from '@/lib/domain/share-link';
import type { SyncPaceView } from '@/lib/domain/sync-pace';

// Answers of the admin-only routes, shared by the server (which builds them field by field) and
// the browser (which reads them).

/** A link's scope in names (resolved by the server), and whether what it covers still exists. */
export type LinkCoverage =
  | { kind: 'fleet' }
  | { kind: 'group'; groupId: string; path: string[] | null; missing: boolean }
  | {
      kind: 'devices';
      count: number;
      /** The first few devices that still exist, by display name. */
      named: { id: string; name: string }[];
      /** Devices in the scope that no longer exist in Level. */
      missing: number;
    };

/** A link as the admin's list shows it: what it covers, in names. */
export interface ShareLinkView extends ShareLink {
  covers: LinkCoverage;
  /** False before the first sync: names cannot be resolved yet, and nothing is reported missing. */
  resolved: boolean;
}

/** Someone who appears in the audit log, for its filter: the latest name they were recorded under. */
export interface AuditPerson {
  id: string;
  label: string;
}

/** One open session as the session lists show it. */
export interface SessionListEntry {
  id: string;
  person: { id: string; name: string; email: string } | null;
  method: 'password' | 'oidc' | 'break-glass';
  issuedAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  /** This browser's own session. */
  current: boolean;
}

export interface AuditEntryView {
  id: number;
  at: number;
  actor: string;
  /** The person's user id, `break-glass`, or null (a link, anonymous, entries before accounts). */
  actorId: string | null;
  /** The actor in words: the person, "admin (break-glass)", "anonymous" or the link's name. */
  actorLabel: string;
  action: string;
  target: string | null;
  /** The target's name when it is a share link (null when it is something else). */
  targetLabel: string | null;
  result: string;
  detail: unknown;
  ip: string | null;
}

/** The Level connection as the settings page shows it: where the key comes from, never the key. */
export interface LevelSettingsView {
  source: 'env' | 'settings' | 'demo';
  apiUrl: string;
  keyHint: string | null;
  envKeySet: boolean;
  lastErrorKind: string | null;
  lastError: string | null;
  syncedAt: string | null;
  syncPace: SyncPaceView;
}
