import { refreshAfterAction } from '@/lib/query/actions';
import { queryKeys } from '@/lib/query/keys';
import { sessionQuery } from '@/lib/query/session';
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

// Keys decide what an invalidation reaches. Checked with a real QueryClient: a family key must
// reach exactly its own queries, and every distinct resource must have a distinct key.

/** One key of every kind the app makes, by resource, with the family it belongs to. */
const KEYS: { name: string; family: string; key: QueryKey }[] = [
  { name: 'fleetSummary', family: 'fleet', key: queryKeys.fleetSummary() },
  { name: 'fleetClients', family: 'fleet', key: queryKeys.fleetClients() },
  { name: 'deviceList', family: 'devices', key: queryKeys.deviceList('status=online') },
  { name: 'deviceList other', family: 'devices', key: queryKeys.deviceList('status=offline') },
  { name: 'device', family: 'devices', key: queryKeys.device('d1') },
  { name: 'deviceSnapshot', family: 'devices', key: queryKeys.deviceSnapshot('d1') },
  // An id that spells another resource's word must stay that resource's.
  { name: 'device named list', family: 'devices', key: queryKeys.device('list') },
  { name: 'groups', family: 'groups', key: queryKeys.groups() },
  { name: 'groupNames', family: 'groups', key: queryKeys.groupNames() },
  { name: 'alertList', family: 'alerts', key: queryKeys.alertList('{"status":"active"}') },
  { name: 'alertCount', family: 'alerts', key: queryKeys.alertCount('{"status":"active"}') },
  { name: 'fleetHistory', family: 'history', key: queryKeys.fleetHistory('24h') },
  { name: 'groupHistory', family: 'history', key: queryKeys.groupHistory('g1', '24h') },
  { name: 'deviceHistory', family: 'history', key: queryKeys.deviceHistory('g1', '24h') },
  { name: 'deviceHistory 7d', family: 'history', key: queryKeys.deviceHistory('g1', '7d') },
  { name: 'changes', family: 'history', key: queryKeys.changes(24, 50) },
  { name: 'changes other limit', family: 'history', key: queryKeys.changes(24, 10) },
  { name: 'wallProblems', family: 'wall', key: queryKeys.wallProblems() },
  { name: 'session', family: 'session', key: sessionQuery().queryKey },
  { name: 'shareLinks', family: 'admin', key: queryKeys.shareLinks() },
  { name: 'levelSettings', family: 'admin', key: queryKeys.levelSettings() },
  { name: 'webhookSettings', family: 'admin', key: queryKeys.webhookSettings() },
  { name: 'audit', family: 'admin', key: queryKeys.audit() },
  { name: 'walls', family: 'admin', key: queryKeys.wallScreens() },
  { name: 'capabilities', family: 'admin', key: queryKeys.actionCapabilities() },
  { name: 'automations', family: 'admin', key: queryKeys.automations() },
  { name: 'tags', family: 'admin', key: queryKeys.tags() },
];

const FAMILIES: Record<string, QueryKey> = {
  fleet: queryKeys.fleet(),
  devices: queryKeys.devices(),
  groups: queryKeys.groups(),
  alerts: queryKeys.alerts(),
  history: queryKeys.history(),
  wall: queryKeys.wall(),
  admin: queryKeys.admin(),
};

/** A client holding one cached answer under every key. */
function filledClient(): QueryClient {
  const client = new QueryClient();
  for (const { name, key } of KEYS) client.setQueryData(key, { name });
  return client;
}

const namesUnder = (client: QueryClient, key: QueryKey) =>
  client
    .getQueriesData<{ name: string }>({ queryKey: key })
    .map(([, data]) => data?.name)
    .sort();

describe('query keys', () => {
  it('are distinct for every resource and argument, and equal for equal arguments', () => {
    const hashes = KEYS.map(({ key }) => JSON.stringify(key));
    expect(new Set(hashes).size).toBe(KEYS.length);
    expect(queryKeys.deviceHistory('d1', '24h')).toEqual(queryKeys.deviceHistory('d1', '24h'));
    expect(queryKeys.deviceList('a=1')).toEqual(queryKeys.deviceList('a=1'));
  });

  it('all live under the app’s root key', () => {
    const client = filledClient();
    expect(namesUnder(client, queryKeys.all)).toEqual(KEYS.map(({ name }) => name).sort());
    expect(namesUnder(client, ['another-app'])).toEqual([]);
  });

  it.each(Object.entries(FAMILIES))('a %s family key reaches exactly its own queries', (family, key) => {
    const expected = KEYS.filter((entry) => entry.family === family).map(({ name }) => name);
    expect(namesUnder(filledClient(), key)).toEqual(expected.sort());
  });

  it('a resource’s own key reaches that resource only, whatever its id spells', () => {
    const client = filledClient();
    // The groups tree is also the family of the group names: refreshing one refreshes both.
    for (const { name, key } of KEYS.filter((entry) => entry.name !== 'groups'))
      expect(namesUnder(client, key), name).toEqual([name]);
    expect(namesUnder(client, queryKeys.groups())).toEqual(['groupNames', 'groups']);
  });
});

describe('refreshAfterAction', () => {
  it('refetches everything the server re-derives, leaving admin lists alone except tags and audit', async () => {
    const client = filledClient();
    await refreshAfterAction(client);
    const invalidated = client
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.isInvalidated)
      .map((query) => (query.state.data as { name: string }).name)
      .sort();
    const expected = KEYS.filter(({ family }) => family !== 'admin')
      .map(({ name }) => name)
      .concat(['tags', 'audit'])
      .sort();
    expect(invalidated).toEqual(expected);
  });
});
