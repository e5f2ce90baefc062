import { parseAlertsView, serializeAlertsView, toAlertParams } from '@/app/(dashboard)/alerts/search-params';
import { alertSearch } from '@/lib/query/alerts';
import { describe, expect, it } from 'vitest';

describe('alerts view in the URL', () => {
  it('round-trips and turns a window into an absolute since', () => {
    const url = 'status=all&severity=critical,emergency&group=g&device=d&window=24h&q=disk';
    const view = parseAlertsView(new URLSearchParams(url));
    expect(serializeAlertsView(view).toString()).toBe(new URLSearchParams(url).toString());
    const now = Date.parse('2026-01-02T00:00:00Z');
    expect(Object.fromEntries(alertSearch(toAlertParams(view), now))).toEqual({
      status: 'all',
      severity: 'critical,emergency',
      group: 'g',
      device: 'd',
      since: '2026-01-01T00:00:00.000Z',
      q: 'disk',
    });
  });

  it('keeps a chosen "newest first" sort and leaves the severity-first default out of the URL', () => {
    const view = parseAlertsView(new URLSearchParams('sort=newest'));
    expect(serializeAlertsView(view).toString()).toBe('sort=newest');
    expect(alertSearch(toAlertParams(view)).get('sort')).toBe('newest');
    const fallback = parseAlertsView(new URLSearchParams('sort=severity'));
    expect(serializeAlertsView(fallback).toString()).toBe('');
    expect(alertSearch(toAlertParams(fallback)).has('sort')).toBe(false);
  });

  it('defaults to active alerts of every severity', () => {
    const view = parseAlertsView(new URLSearchParams('status=open&severity=bad&window=1y'));
    expect(view).toEqual({ status: 'active', severity: [] });
    expect(serializeAlertsView(view).toString()).toBe('');
  });
});
