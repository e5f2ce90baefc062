import type { WallSettings } from '@/lib/wall/settings';

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

export interface ShareLinkView {
  id: string;
  name: string;
  kind: 'viewer' | 'wall';
  scope: { kind: 'fleet' } | { kind: 'group'; groupId: string } | { kind: 'devices'; deviceIds: string[] };
  covers: LinkCoverage;
  /** False before the first sync: names cannot be resolved yet, and nothing is reported missing. */
  resolved: boolean;
  redact: boolean;
  wall: WallSettings | null;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
  useCount: number;
}

export interface AuditEntryView {
  id: number;
  at: number;
  actor: string;
  /** The actor in words: "admin", "anonymous" or the link's name. */
  actorLabel: string;
  action: string;
  target: string | null;
  /** The target's name when it is a share link (null when it is something else). */
  targetLabel: string | null;
  result: string;
  detail: unknown;
  ip: string | null;
}
