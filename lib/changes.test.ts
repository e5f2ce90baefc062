import { changesFromAlerts, clientsByConcern } from '@/lib/changes';
import type { AlertRow, ClientSummary, GroupTotals } from '@/lib/domain/fleet';
import type { Severity } from '@/lib/domain/severity';
import { describe, expect, it } from 'vitest';

const alert = (id: string, startedAt: string, resolvedAt: string | null = null): AlertRow => ({
  id,
  deviceId: `d-${id}`,
  deviceHostname: `host-${id}`,
  name: `Alert ${id}`,
  description: null,
  severity: 'warning',
  resolved: resolvedAt !== null,
  startedAt,
  resolvedAt,
  groupId: null,
  clientName: null,
  acknowledged: null,
});

const client = (
  name: string,
  online: number,
  offline: number,
  offlineServers = 0,
  worst: Severity | null = null,
): ClientSummary => ({
  id: name,
  name,
  rollup: {
    devices: { total: online + offline, online, offline, maintenance: 0 },
    alerts: { information: 0, warning: 0, critical: 0, emergency: 0 },
    monitoredAlerts: { information: 0, warning: 0, critical: 0, emergency: 0 },
    activeAlerts: worst ? 1 : 0,
    worstSeverity: worst,
    offlineServers,
    healthScore: null,
  } satisfies GroupTotals,
});

describe('changesFromAlerts', () => {
  it('lists openings and resolutions inside the window, newest first', () => {
    const since = Date.parse('2026-01-01T10:00:00Z');
    const events = changesFromAlerts(
      [
        alert('a', '2026-01-01T11:00:00Z'),
        alert('b', '2026-01-01T09:00:00Z', '2026-01-01T12:00:00Z'),
        alert('c', '2026-01-01T08:00:00Z'),
      ],
      since,
      10,
    );
    expect(events.map((event) => [event.kind, event.alertId])).toEqual([
      ['alert_resolved', 'b'],
      ['alert_opened', 'a'],
    ]);
  });
});

describe('clientsByConcern', () => {
  it('puts offline servers first, then the worst alert, then the lowest online share', () => {
    const order = clientsByConcern([
      client('Calm', 10, 0),
      client('Low', 5, 5),
      client('Alerting', 10, 0, 0, 'critical'),
      client('Servers down', 10, 1, 1),
    ]).map((c) => c.name);
    expect(order).toEqual(['Servers down', 'Alerting', 'Low', 'Calm']);
  });
});
