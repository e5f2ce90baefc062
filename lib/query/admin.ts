import type {
  AuditEntryView,
  AuditPerson,
  LevelSettingsView,
  SessionListEntry,
  ShareLinkView,
} from '@/lib/domain/admin';
import type { WallScreenView } from '@/lib/domain/wall';
import type { WebhookSettingsView } from '@/lib/domain/webhooks';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { queryOptions } from '@tanstack/react-query';

// Admin-only resources (the server answers 403 to anyone else).

export const shareLinksQuery = () =>
  queryOptions({
    queryKey: queryKeys.shareLinks(),
    queryFn: ({ signal }) => fetchJson<{ links: ShareLinkView[] }>('/api/admin/share-links', { signal }),
    refetchInterval: 30_000,
  });

export const levelSettingsQuery = () =>
  queryOptions({
    queryKey: queryKeys.levelSettings(),
    queryFn: ({ signal }) => fetchJson<LevelSettingsView>('/api/admin/settings/level', { signal }),
    refetchInterval: 15_000,
  });

export const webhookSettingsQuery = () =>
  queryOptions({
    queryKey: queryKeys.webhookSettings(),
    queryFn: ({ signal }) => fetchJson<WebhookSettingsView>('/api/admin/settings/webhook', { signal }),
    refetchInterval: 15_000,
  });

/** The audit log, or one person's part of it (`actorId`: a user id or `break-glass`). */
export const auditQuery = (actorId?: string) =>
  queryOptions({
    queryKey: queryKeys.audit(actorId),
    queryFn: ({ signal }) =>
      fetchJson<{ entries: AuditEntryView[]; people: AuditPerson[] }>(
        actorId ? `/api/admin/audit?actorId=${encodeURIComponent(actorId)}` : '/api/admin/audit',
        { signal },
      ),
    refetchInterval: 30_000,
  });

/** Every open session of every person (the admin's list). */
export const sessionsQuery = () =>
  queryOptions({
    queryKey: queryKeys.sessions(),
    queryFn: ({ signal }) => fetchJson<{ sessions: SessionListEntry[] }>('/api/admin/sessions', { signal }),
    refetchInterval: 30_000,
  });

/** This person's own open sessions. */
export const ownSessionsQuery = () =>
  queryOptions({
    queryKey: [...queryKeys.sessions(), 'own'] as const,
    queryFn: ({ signal }) => fetchJson<{ sessions: SessionListEntry[] }>('/api/account/sessions', { signal }),
    refetchInterval: 30_000,
  });

export const wallScreensQuery = () =>
  queryOptions({
    queryKey: queryKeys.wallScreens(),
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
