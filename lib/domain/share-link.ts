import type { ReportPeriod } from '@/lib/domain/report';
import type { LinkScope as Scope } from '@/lib/domain/scope';
import type { WallSettings } from '@/lib/domain/wall-settings';

/** A share link as stored (lib/auth/share-links.ts reads and writes it; the token never leaves). */
export interface ShareLink {
  id: string;
  name: string;
  /** `report`: one client's report for one period (issue 20); it reads nothing else. */
  kind: 'viewer' | 'wall' | 'report';
  scope: Scope;
  redact: boolean;
  /** Wall links only (null for viewer links). */
  wall: WallSettings | null;
  /** Report links only: the period of the one report it opens (null for other kinds). */
  reportPeriod: ReportPeriod | null;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
  useCount: number;
}
