import { deviceListQuery as serverDeviceQuery } from '@/lib/api/schemas/devices';
import type { DeviceRow } from '@/lib/domain/fleet';
import { cachedDeviceRow, DEVICE_PAGE_SIZE, deviceListQuery, devicePageUrl } from '@/lib/query/devices';
import { queryKeys } from '@/lib/query/keys';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

const parsedOnServer = (url: string) =>
  serverDeviceQuery.parse(Object.fromEntries(new URL(url, 'http://levelboard.test').searchParams));

describe('devicePageUrl', () => {
  it('keeps the page’s filters and adds the page’s limit and cursor, which the server reads back', () => {
    const params = new URLSearchParams({
      q: 'front desk & co',
      status: 'online,offline',
      group: 'g/1',
      sort: '-lastSeen',
    });
    const cursor = 'eyJzIjoiaG9zdG5hbWUifQ+/==';
    const url = devicePageUrl(params.toString(), cursor, 100);
    expect(url.startsWith('/api/devices?')).toBe(true);
    expect(parsedOnServer(url)).toEqual({
      q: 'front desk & co',
      status: ['online', 'offline'],
      group: 'g/1',
      sort: '-lastSeen',
      cursor,
      limit: 100,
    });
  });

  it('asks for a full page and no cursor on the first page by default', () => {
    const query = parsedOnServer(devicePageUrl('sort=name', null));
    expect(query.limit).toBe(DEVICE_PAGE_SIZE);
    expect(query.cursor).toBeUndefined();
  });

  it('keys the list by its filters only, so every page of it shares one cache entry', () => {
    expect(deviceListQuery('sort=name').queryKey).toEqual(queryKeys.deviceList('sort=name'));
  });
});

describe('cachedDeviceRow', () => {
  const row = (id: string) => ({ id, hostname: `host-${id}` }) as DeviceRow;

  it('finds a device in any cached list page, and nowhere else', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.deviceList('sort=name'), {
      pages: [{ data: [row('a')] }, { data: [row('b')] }],
    });
    client.setQueryData(queryKeys.deviceList('group=g&sort=status&limit=5'), { data: [row('c')] });
    // A detail page's answer and another resource's rows are not list rows.
    client.setQueryData(queryKeys.device('d'), { device: row('d') });
    client.setQueryData(queryKeys.alertList('x'), { pages: [{ data: [row('e')] }] });
    expect(['a', 'b', 'c', 'd', 'e', 'z'].map((id) => cachedDeviceRow(client, id)?.hostname ?? null)).toEqual(
      ['host-a', 'host-b', 'host-c', null, null, null],
    );
  });
});
