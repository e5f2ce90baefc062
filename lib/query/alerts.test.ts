import { alertListQuery as serverAlertQuery } from '@/lib/api/schemas/alerts';
import {
  ALERT_WINDOWS,
  alertCountQuery,
  alertListQuery,
  alertSearch,
  type AlertListParams,
} from '@/lib/query/alerts';
import { describe, expect, it } from 'vitest';

// The alerts page's filters become an /api/alerts query: whatever the page can choose must reach
// the server's schema intact, and the cache key must not move with the clock.

const NOW = Date.parse('2026-03-01T12:00:00Z');
const parsedOnServer = (params: AlertListParams, now = NOW) =>
  serverAlertQuery.parse(Object.fromEntries(new URLSearchParams(alertSearch(params, now).toString())));

describe('alertSearch', () => {
  it('carries every filter to the server unchanged', () => {
    expect(
      parsedOnServer({
        status: 'resolved',
        severity: ['critical', 'emergency'],
        group: 'acme & co/east',
        device: 'dev+1=2',
        q: 'disk 90% ü #1',
        sort: 'newest',
      }),
    ).toEqual({
      status: 'resolved',
      severity: ['critical', 'emergency'],
      group: 'acme & co/east',
      device: 'dev+1=2',
      q: 'disk 90% ü #1',
      sort: 'newest',
      limit: 100,
    });
    // Severity first is the server's default: the page leaves it out of the URL.
    expect(parsedOnServer({ status: 'active', sort: 'severity' })).toEqual({
      status: 'active',
      sort: 'severity',
      limit: 100,
    });
    expect(alertSearch({ status: 'active', sort: 'severity' }).has('sort')).toBe(false);
  });

  it.each(Object.entries(ALERT_WINDOWS))(
    'turns the %s window into a start that many hours ago',
    (window, hours) => {
      const { since } = parsedOnServer({ status: 'all', window: window as keyof typeof ALERT_WINDOWS });
      expect(Date.parse(since as string)).toBe(NOW - hours * 3_600_000);
    },
  );

  it('sends nothing for filters left empty', () => {
    expect([...alertSearch({ status: 'active', severity: [], q: '' }, NOW).keys()]).toEqual(['status']);
  });
});

describe('alert query keys', () => {
  it('stay the same as time passes, and differ with the filters and page size', () => {
    const params: AlertListParams = { status: 'active', window: '24h' };
    expect(alertListQuery(params).queryKey).toEqual(alertListQuery({ ...params }).queryKey);
    const keys = [
      alertListQuery(params).queryKey,
      alertListQuery({ ...params, window: '1h' }).queryKey,
      alertListQuery({ ...params, status: 'all' }).queryKey,
      alertListQuery(params, 25).queryKey,
      alertCountQuery(params).queryKey,
    ].map((key) => JSON.stringify(key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
