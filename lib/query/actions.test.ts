import type { AlertRow, DeviceRow } from '@/lib/domain/fleet';
import { editDevices, editGroups, editTags, markAlertsResolved } from '@/lib/query/actions';
import { queryKeys } from '@/lib/query/keys';
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

// Optimistic edits: an admin action changes every cached copy at once, and its rollback (when
// the server refuses) puts every one of them back exactly as it was.

const device = (id: string, nickname: string | null = null) => ({ id, nickname }) as DeviceRow;
const alert = (id: string, resolved = false) => ({ id, resolved, resolvedAt: null }) as unknown as AlertRow;

/** Every cached entry, by key, as plain data. */
const everything = (client: QueryClient) =>
  Object.fromEntries(
    client
      .getQueryCache()
      .getAll()
      .map((query) => [JSON.stringify(query.queryKey), structuredClone(query.state.data)]),
  );

function filled(entries: [QueryKey, unknown][]): QueryClient {
  const client = new QueryClient();
  for (const [key, data] of entries) client.setQueryData(key, data);
  return client;
}

describe('editDevices', () => {
  const client = () =>
    filled([
      [
        queryKeys.deviceList('sort=name'),
        { pages: [{ data: [device('a'), device('b')] }, { data: [device('c')] }] },
      ],
      [queryKeys.deviceList('group=g'), { data: [device('a'), device('z')] }],
      [queryKeys.device('a'), { device: device('a'), alerts: [] }],
      [queryKeys.device('z'), { device: device('z'), alerts: [] }],
      [queryKeys.alertList('x'), { data: [alert('a')] }],
    ]);

  it('edits the named devices in every list page and detail page, and nothing else', () => {
    const queries = client();
    const before = everything(queries);
    editDevices(queries, ['a', 'c'], (row) => ({ ...row, nickname: 'edited' }));
    const after = everything(queries);
    const nicknames = (key: QueryKey) =>
      JSON.stringify(after[JSON.stringify(key)]).match(/"nickname":"edited"/g)?.length ?? 0;
    expect(nicknames(queryKeys.deviceList('sort=name'))).toBe(2);
    expect(nicknames(queryKeys.deviceList('group=g'))).toBe(1);
    expect(nicknames(queryKeys.device('a'))).toBe(1);
    expect(after[JSON.stringify(queryKeys.device('z'))]).toEqual(
      before[JSON.stringify(queryKeys.device('z'))],
    );
    expect(after[JSON.stringify(queryKeys.alertList('x'))]).toEqual(
      before[JSON.stringify(queryKeys.alertList('x'))],
    );
  });

  it('puts every copy back on rollback', () => {
    const queries = client();
    const before = everything(queries);
    const rollback = editDevices(queries, ['a', 'b', 'c', 'z'], (row) => ({ ...row, nickname: 'edited' }));
    expect(everything(queries)).not.toEqual(before);
    rollback();
    expect(everything(queries)).toEqual(before);
  });
});

describe('markAlertsResolved', () => {
  const client = () =>
    filled([
      [
        queryKeys.alertList('active'),
        { pages: [{ data: [alert('x'), alert('y')] }, { data: [alert('w')] }] },
      ],
      [queryKeys.alertList('all'), { data: [alert('x'), alert('old', true)] }],
      [queryKeys.device('d'), { device: device('d'), alerts: [alert('x'), alert('y')] }],
    ]);

  it('takes the alerts out of lists and marks them resolved on device pages, others untouched', () => {
    const queries = client();
    markAlertsResolved(queries, ['x', 'w', 'old']);
    const ids = (key: QueryKey) => JSON.stringify(queries.getQueryData(key)).match(/"id":"[^"]+"/g);
    expect(ids(queryKeys.alertList('active'))).toEqual(['"id":"y"']);
    expect(ids(queryKeys.alertList('all'))).toEqual(['"id":"old"']);
    const detail = queries.getQueryData<{ alerts: AlertRow[] }>(queryKeys.device('d'));
    expect(detail?.alerts.map((row) => [row.id, row.resolved])).toEqual([
      ['x', true],
      ['y', false],
    ]);
    expect(detail?.alerts[0]?.resolvedAt).toEqual(expect.any(String));
  });

  it('puts lists and device pages back on rollback', () => {
    const queries = client();
    const before = everything(queries);
    markAlertsResolved(queries, ['x', 'y', 'w'])();
    expect(everything(queries)).toEqual(before);
  });
});

describe('editGroups and editTags', () => {
  it('edit the groups tree and the tag list, and roll back', () => {
    const queries = filled([
      [queryKeys.groups(), { groups: [{ id: 'g1', name: 'One', parentId: null }], syncedAt: null }],
      [queryKeys.groupNames(), { groups: [{ id: 'g1', name: 'One', parentId: null }] }],
      [queryKeys.tags(), { tags: [{ id: 't1', name: 'vip', deviceCount: 2 }] }],
    ]);
    const before = everything(queries);
    const undoGroups = editGroups(queries, (groups) =>
      groups.map((group) => ({ ...group, name: 'Renamed' })),
    );
    const undoTags = editTags(queries, () => []);
    expect(JSON.stringify(queries.getQueryData(queryKeys.groups()))).toContain('Renamed');
    expect(JSON.stringify(queries.getQueryData(queryKeys.groupNames()))).toContain('Renamed');
    expect(queries.getQueryData(queryKeys.tags())).toEqual({ tags: [] });
    undoGroups();
    undoTags();
    expect(everything(queries)).toEqual(before);
  });
});
