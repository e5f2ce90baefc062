import type { AcknowledgeAnswer, Acknowledgement, ProblemRef } from '@/lib/domain/acknowledgement';
import type { AlertRow, DeviceRow } from '@/lib/domain/fleet';
import type { WallProblemsResponse } from '@/lib/domain/wall';
import { sendJson } from '@/lib/query/admin';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { queryOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';

// Admin actions from the browser: what the server can do with the current key, the lists the
// dialogs need, and the optimistic cache edits each action makes (undone if the server refuses).

export interface ActionCapabilities {
  writeAccess: 'read_write' | 'read_only' | 'unknown';
  message: string | null;
}

export interface AutomationView {
  id: string;
  name: string;
  description: string | null;
  groupName: string | null;
  webhook: { requiresAuthorizationHeader: boolean; parameters: string[] } | null;
}

export interface TagView {
  id: string;
  name: string;
  deviceCount: number;
}

export const capabilitiesQuery = () =>
  queryOptions({
    queryKey: queryKeys.actionCapabilities(),
    queryFn: ({ signal }) => fetchJson<ActionCapabilities>('/api/admin/actions/capabilities', { signal }),
    staleTime: 5 * 60_000,
  });

export const automationsQuery = () =>
  queryOptions({
    queryKey: queryKeys.automations(),
    queryFn: ({ signal }) =>
      fetchJson<{ automations: AutomationView[] }>('/api/admin/automations', { signal }),
    staleTime: 60_000,
  });

export const tagsQuery = () =>
  queryOptions({
    queryKey: queryKeys.tags(),
    queryFn: ({ signal }) => fetchJson<{ tags: TagView[] }>('/api/admin/tags', { signal }),
    staleTime: 10_000,
  });

const enc = encodeURIComponent;
export const actionApi = {
  updateDevice: (id: string, changes: { nickname?: string; notes?: string; groupId?: string | null }) =>
    sendJson(`/api/admin/devices/${enc(id)}`, 'PATCH', changes),
  resolveAlerts: (alertIds: string[]) =>
    sendJson<{ resolved: string[]; failed: { id: string; message: string }[] }>(
      '/api/admin/alerts/resolve',
      'POST',
      { alertIds },
    ),
  createGroup: (name: string, parentId: string | null) =>
    sendJson<{ group: { id: string } }>('/api/admin/groups', 'POST', { name, parentId }),
  updateGroup: (id: string, changes: { name?: string; parentId?: string | null }) =>
    sendJson(`/api/admin/groups/${enc(id)}`, 'PATCH', changes),
  deleteGroup: (id: string) => sendJson(`/api/admin/groups/${enc(id)}`, 'DELETE'),
  groupDevices: (id: string, mode: 'add' | 'remove', deviceIds: string[]) =>
    sendJson(`/api/admin/groups/${enc(id)}/devices`, mode === 'add' ? 'POST' : 'DELETE', { deviceIds }),
  createTag: (name: string) => sendJson<{ tag: { id: string } }>('/api/admin/tags', 'POST', { name }),
  renameTag: (id: string, name: string) => sendJson(`/api/admin/tags/${enc(id)}`, 'PATCH', { name }),
  deleteTag: (id: string) => sendJson(`/api/admin/tags/${enc(id)}`, 'DELETE'),
  tagDevices: (id: string, mode: 'add' | 'remove', deviceIds: string[]) =>
    sendJson<{ changed: number }>(`/api/admin/tags/${enc(id)}/devices`, mode === 'add' ? 'POST' : 'DELETE', {
      deviceIds,
    }),
  acknowledge: (problems: ProblemRef[], note: string) =>
    sendJson<AcknowledgeAnswer>('/api/admin/acknowledgements', 'POST', { problems, note }),
  unacknowledge: (problems: ProblemRef[]) =>
    sendJson<AcknowledgeAnswer>('/api/admin/acknowledgements', 'DELETE', { problems }),
  triggerAutomation: (id: string, deviceIds: string[]) =>
    sendJson<{ automationName: string | null; devices: number; runIds: string[] }>(
      `/api/admin/automations/${enc(id)}/trigger`,
      'POST',
      { deviceIds },
    ),
};

/** The cached data an optimistic edit replaced, to put back if the server refuses. */
export type Rollback = () => void;

function editQueries(
  queryClient: QueryClient,
  queryKey: QueryKey,
  edit: (data: unknown) => unknown,
): Rollback {
  const saved = queryClient.getQueriesData({ queryKey });
  // An in-flight poll must not land over the optimistic state with the old data.
  void queryClient.cancelQueries({ queryKey });
  queryClient.setQueriesData({ queryKey }, (data: unknown) => (data === undefined ? data : edit(data)));
  return () => {
    for (const [key, data] of saved) queryClient.setQueryData(key, data);
  };
}

function mapRows<T extends { id: string }>(data: unknown, edit: (row: T) => T | null): unknown {
  if (!data || typeof data !== 'object') return data;
  if ('pages' in data && Array.isArray(data.pages))
    return { ...data, pages: data.pages.map((page: unknown) => mapRows(page, edit)) };
  if ('data' in data && Array.isArray(data.data)) {
    const rows = (data.data as T[]).flatMap((row) => {
      const next = edit(row);
      return next ? [next] : [];
    });
    return { ...data, data: rows };
  }
  return data;
}

/** Applies `edit` to these devices wherever they are cached: lists and detail pages. */
export function editDevices(
  queryClient: QueryClient,
  ids: readonly string[],
  edit: (row: DeviceRow) => DeviceRow,
): Rollback {
  const wanted = new Set(ids);
  const apply = (row: DeviceRow) => (wanted.has(row.id) ? edit(row) : row);
  return editQueries(queryClient, queryKeys.devices(), (data) => {
    if (data && typeof data === 'object' && 'device' in data) {
      const detail = data as { device: DeviceRow };
      return { ...detail, device: apply(detail.device) };
    }
    return mapRows(data, apply);
  });
}

/** Takes resolved alerts out of active lists and marks them resolved on device pages. */
export function markAlertsResolved(queryClient: QueryClient, alertIds: readonly string[]): Rollback {
  const ids = new Set(alertIds);
  const now = new Date().toISOString();
  const undoLists = editQueries(queryClient, queryKeys.alerts(), (data) =>
    mapRows<AlertRow>(data, (row) => (ids.has(row.id) && !row.resolved ? null : row)),
  );
  const undoDevices = editQueries(queryClient, queryKeys.devices(), (data) => {
    if (!data || typeof data !== 'object' || !('alerts' in data)) return data;
    const detail = data as { alerts: AlertRow[] };
    return {
      ...detail,
      alerts: detail.alerts.map((alert) =>
        ids.has(alert.id) ? { ...alert, resolved: true, resolvedAt: now } : alert,
      ),
    };
  });
  return () => {
    undoLists();
    undoDevices();
  };
}

/**
 * Sets (or, with null, clears) the acknowledgement of these problems wherever they are cached:
 * alert lists, device pages and the wall's problems (per reason, and the row when all are).
 */
export function markAcknowledged(
  queryClient: QueryClient,
  problems: readonly ProblemRef[],
  ack: Acknowledgement | null,
): Rollback {
  const alertIds = new Set(problems.flatMap((ref) => (ref.kind === 'alert' ? [ref.alertId] : [])));
  const offline = new Set(problems.flatMap((ref) => (ref.kind === 'offline' ? [ref.deviceId] : [])));
  const apply = (row: AlertRow) =>
    alertIds.has(row.id) && !row.resolved ? { ...row, acknowledged: ack } : row;
  const undoLists = editQueries(queryClient, queryKeys.alerts(), (data) => mapRows<AlertRow>(data, apply));
  const undoDevices = editQueries(queryClient, queryKeys.devices(), (data) => {
    if (!data || typeof data !== 'object' || !('alerts' in data)) return data;
    const detail = data as { alerts: AlertRow[] };
    return { ...detail, alerts: detail.alerts.map(apply) };
  });
  const undoWall = editQueries(queryClient, queryKeys.wallProblems(), (data) => {
    if (!data || typeof data !== 'object' || !('problems' in data)) return data;
    const response = data as WallProblemsResponse;
    return {
      ...response,
      problems: response.problems.map((problem) => {
        const down =
          problem.offline && offline.has(problem.deviceId)
            ? { ...problem.offline, acknowledged: ack }
            : problem.offline;
        const alerts = problem.alerts.map((alert) =>
          alertIds.has(alert.id) ? { ...alert, acknowledged: ack } : alert,
        );
        const reasons = [
          ...(down ? [down.acknowledged ?? null] : []),
          ...alerts.map((a) => a.acknowledged ?? null),
        ];
        const all = reasons.every((reason) => reason !== null);
        return {
          ...problem,
          offline: down,
          alerts,
          acknowledged: all ? (ack ?? problem.acknowledged ?? null) : null,
        };
      }),
    };
  });
  return () => {
    undoLists();
    undoDevices();
    undoWall();
  };
}

export function editGroups(
  queryClient: QueryClient,
  edit: (groups: { id: string; name: string; parentId: string | null }[]) => unknown[],
): Rollback {
  return editQueries(queryClient, queryKeys.groups(), (data) => {
    if (!data || typeof data !== 'object' || !('groups' in data)) return data;
    const response = data as { groups: { id: string; name: string; parentId: string | null }[] };
    return { ...response, groups: edit(response.groups) };
  });
}

export function editTags(queryClient: QueryClient, edit: (tags: TagView[]) => TagView[]): Rollback {
  return editQueries(queryClient, queryKeys.tags(), (data) => {
    const response = data as { tags: TagView[] };
    return { ...response, tags: edit(response.tags) };
  });
}

/** After an action: everything the server re-derived from the patched snapshot is refetched. */
export function refreshAfterAction(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({
      queryKey: queryKeys.all,
      predicate: (query) => query.queryKey[1] !== 'admin',
    }),
    queryClient.invalidateQueries({ queryKey: queryKeys.tags() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit() }),
  ]).then(() => undefined);
}
