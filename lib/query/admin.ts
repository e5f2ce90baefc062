import type { WallScreenView } from '@/lib/domain/wall';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import type { WallSettings } from '@/lib/wall/settings';
import { queryOptions } from '@tanstack/react-query';

// Admin-only resources (the server answers 403 to anyone else).

export interface ShareLinkView {
  id: string;
  name: string;
  kind: 'viewer' | 'wall';
  scope: { kind: 'fleet' } | { kind: 'group'; groupId: string } | { kind: 'devices'; deviceIds: string[] };
  /** The scope in names (resolved by the server), and whether what it covers still exists. */
  covers:
    | { kind: 'fleet' }
    | { kind: 'group'; groupId: string; path: string[] | null; missing: boolean }
    | { kind: 'devices'; count: number; named: { id: string; name: string }[]; missing: number };
  /** False before the first sync (names unknown yet). */
  resolved: boolean;
  redact: boolean;
  wall: WallSettings | null;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
  useCount: number;
}

export interface LevelSettingsView {
  source: 'env' | 'settings' | 'demo';
  apiUrl: string;
  keyHint: string | null;
  envKeySet: boolean;
  lastErrorKind: string | null;
  lastError: string | null;
  syncedAt: string | null;
}

export interface AuditEntryView {
  id: number;
  at: number;
  actor: string;
  actorLabel: string;
  action: string;
  target: string | null;
  targetLabel: string | null;
  result: string;
  detail: unknown;
  ip: string | null;
}

export const adminKeys = {
  all: () => [...queryKeys.all, 'admin'] as const,
  shareLinks: () => [...adminKeys.all(), 'share-links'] as const,
  levelSettings: () => [...adminKeys.all(), 'level-settings'] as const,
  audit: () => [...adminKeys.all(), 'audit'] as const,
  walls: () => [...adminKeys.all(), 'walls'] as const,
};

export const shareLinksQuery = () =>
  queryOptions({
    queryKey: adminKeys.shareLinks(),
    queryFn: ({ signal }) => fetchJson<{ links: ShareLinkView[] }>('/api/admin/share-links', { signal }),
    refetchInterval: 30_000,
  });

export const levelSettingsQuery = () =>
  queryOptions({
    queryKey: adminKeys.levelSettings(),
    queryFn: ({ signal }) => fetchJson<LevelSettingsView>('/api/admin/settings/level', { signal }),
    refetchInterval: 15_000,
  });

export const auditQuery = () =>
  queryOptions({
    queryKey: adminKeys.audit(),
    queryFn: ({ signal }) => fetchJson<{ entries: AuditEntryView[] }>('/api/admin/audit', { signal }),
    refetchInterval: 30_000,
  });

export const wallScreensQuery = () =>
  queryOptions({
    queryKey: adminKeys.walls(),
    queryFn: ({ signal }) =>
      fetchJson<{ walls: WallScreenView[]; build: string }>('/api/admin/walls', { signal }),
    refetchInterval: 30_000,
  });

export const sendJson = <T>(url: string, method: string, body?: unknown) =>
  fetchJson<T>(url, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
