import {
  clientOnlineData,
  historyChartData,
  percentAxis,
  severityData,
  timelineSegments,
  timeTicks,
} from '@/lib/chart-data';
import type { ClientSummary, GroupTotals } from '@/lib/domain/fleet';
import { describe, expect, it } from 'vitest';

const rollup = (online: number, offline: number, maintenance = 0): GroupTotals => ({
  devices: { total: online + offline + maintenance, online, offline, maintenance },
  alerts: { information: 0, warning: 0, critical: 0, emergency: 0 },
  monitoredAlerts: { information: 0, warning: 0, critical: 0, emergency: 0 },
  activeAlerts: 0,
  worstSeverity: null,
  offlineServers: 0,
  healthScore: null,
});

describe('timelineSegments', () => {
  const range = { from: '2026-01-01T00:00:00Z', to: '2026-01-01T10:00:00Z' };

  it('is one segment of the current status without transitions', () => {
    expect(timelineSegments({ ...range, status: 'online', transitions: [] })).toEqual([
      { status: 'online', start: Date.parse(range.from), end: Date.parse(range.to), share: 1 },
    ]);
  });

  it('splits the range at each transition, starting from the first one’s previous status', () => {
    const segments = timelineSegments({
      ...range,
      status: 'online',
      transitions: [
        { at: '2026-01-01T06:00:00Z', from: 'offline', to: 'online' },
        { at: '2026-01-01T02:00:00Z', from: 'online', to: 'offline' },
        { at: '2025-12-31T00:00:00Z', from: null, to: 'online' },
      ],
    });
    expect(segments.map((s) => [s.status, s.share])).toEqual([
      ['online', 0.2],
      ['offline', 0.4],
      ['online', 0.4],
    ]);
  });
});

describe('chart data', () => {
  it('orders clients by online share, lowest first, skipping those with nothing monitored', () => {
    const clients: ClientSummary[] = [
      { id: 'a', name: 'Alpha', rollup: rollup(9, 1) },
      { id: 'b', name: 'Beta', rollup: rollup(1, 1) },
      { id: 'c', name: 'Gamma', rollup: rollup(0, 0, 3) },
    ];
    expect(clientOnlineData(clients, 10).map((c) => [c.name, c.onlinePct])).toEqual([
      ['Beta', 50],
      ['Alpha', 90],
    ]);
    expect(clientOnlineData(clients, 1)).toHaveLength(1);
  });

  it('flattens history points and lists severities worst first', () => {
    const [datum] = historyChartData([
      {
        t: '2026-01-01T00:00:00Z',
        total: 3,
        online: 2,
        offline: 1,
        maintenance: 0,
        onlinePct: 66.6667,
        alerts: { information: 1, warning: 0, critical: 2, emergency: 0 },
        securityScore: null,
      },
    ]);
    expect(datum).toMatchObject({ onlinePct: 66.7, critical: 2, time: Date.parse('2026-01-01T00:00:00Z') });
    expect(severityData({ information: 1, warning: 2, critical: 3, emergency: 4 })[0]).toEqual({
      severity: 'emergency',
      count: 4,
    });
  });
});

describe('timeTicks', () => {
  it('marks every third local hour across a day, and local midnights across a week', () => {
    const from = new Date(2026, 0, 1, 10, 20).getTime();
    const day = timeTicks(from, from + 24 * 3_600_000).map((t) => new Date(t).getHours());
    expect(day).toEqual([12, 15, 18, 21, 0, 3, 6, 9]);
    const week = timeTicks(from, from + 7 * 24 * 3_600_000).map((t) => new Date(t));
    expect(week).toHaveLength(7);
    expect(week.every((date) => date.getHours() === 0 && date.getMinutes() === 0)).toBe(true);
  });
});

describe('percentAxis', () => {
  it('zooms to the values with round ticks, never below 0', () => {
    expect(percentAxis([88, 95, null])).toEqual({ domain: [80, 100], ticks: [80, 85, 90, 95, 100] });
    expect(percentAxis([61])).toEqual({ domain: [40, 100], ticks: [40, 55, 70, 85, 100] });
    expect(percentAxis([1])).toEqual({ domain: [0, 100], ticks: [0, 25, 50, 75, 100] });
    expect(percentAxis([])).toEqual({ domain: [0, 100], ticks: [0, 25, 50, 75, 100] });
  });
});
