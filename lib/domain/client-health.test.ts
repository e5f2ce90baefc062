import { clientHealth, clientsByHealth } from '@/lib/domain/client-health';
import { emptySeverityCounts, type ClientSummary, type GroupTotals } from '@/lib/domain/fleet';
import { describe, expect, it } from 'vitest';

function totals(patch: {
  online: number;
  offline?: number;
  maintenance?: number;
  offlineServers?: number;
  alerts?: Partial<GroupTotals['alerts']>;
  maintenanceAlerts?: Partial<GroupTotals['alerts']>;
}): GroupTotals {
  const monitoredAlerts = { ...emptySeverityCounts(), ...patch.alerts };
  const alerts = { ...monitoredAlerts };
  for (const [severity, count] of Object.entries(patch.maintenanceAlerts ?? {}))
    alerts[severity as keyof typeof alerts] += count;
  const offline = patch.offline ?? 0;
  const maintenance = patch.maintenance ?? 0;
  return {
    devices: { total: patch.online + offline + maintenance, online: patch.online, offline, maintenance },
    alerts,
    monitoredAlerts,
    activeAlerts: Object.values(alerts).reduce((sum, n) => sum + n, 0),
    worstSeverity: null,
    offlineServers: patch.offlineServers ?? 0,
    healthScore: null,
  };
}

const client = (name: string, rollup: GroupTotals): ClientSummary => ({ id: name, name, rollup });

describe('client health bands', () => {
  it('is red for any offline server, emergency or critical, or online below 75 %', () => {
    expect(clientHealth(totals({ online: 10, offline: 1, offlineServers: 1 })).band).toBe('red');
    expect(clientHealth(totals({ online: 10, alerts: { emergency: 1 } })).band).toBe('red');
    expect(clientHealth(totals({ online: 10, alerts: { critical: 1 } })).band).toBe('red');
    // 3 of 7 offline (57 %): never green, never folded as healthy.
    const low = clientHealth(totals({ online: 4, offline: 3 }));
    expect(low).toMatchObject({ band: 'red', reasons: ['low_online'] });
    expect(low.onlinePct).toBeCloseTo(57.14, 1);
    expect(clientHealth(totals({ online: 74, offline: 26 })).band).toBe('red');
  });

  it('is amber below 95 % online or with warnings on a tenth of the devices, green otherwise', () => {
    expect(clientHealth(totals({ online: 75, offline: 25 })).band).toBe('amber');
    expect(clientHealth(totals({ online: 94, offline: 6 })).band).toBe('amber');
    expect(clientHealth(totals({ online: 95, offline: 5 })).band).toBe('green');
    // A single warning is not "needs attention".
    expect(clientHealth(totals({ online: 10, alerts: { warning: 1 } }))).toMatchObject({
      band: 'green',
      reasons: [],
    });
    expect(clientHealth(totals({ online: 10, alerts: { warning: 2 } })).band).toBe('green');
    expect(clientHealth(totals({ online: 10, alerts: { warning: 3 } })).band).toBe('amber');
    expect(clientHealth(totals({ online: 100, alerts: { warning: 9 } })).band).toBe('green');
    expect(clientHealth(totals({ online: 100, alerts: { warning: 10 } })).band).toBe('amber');
  });

  it('uses the problems list’s facts: alerts on devices in maintenance do not count', () => {
    expect(
      clientHealth(totals({ online: 10, maintenance: 1, maintenanceAlerts: { critical: 2 } })).band,
    ).toBe('green');
    expect(clientHealth(totals({ online: 0, maintenance: 3 })).band).toBe('empty');
  });

  it('orders red before amber before green, by worst reason (severity first), then online share', () => {
    const ordered = clientsByHealth([
      client('green', totals({ online: 10 })),
      client('server', totals({ online: 10, offline: 1, offlineServers: 1 })),
      client('amber', totals({ online: 9, offline: 1 })),
      client('low', totals({ online: 4, offline: 3 })),
      client('critical', totals({ online: 10, alerts: { critical: 1 } })),
      client('empty', totals({ online: 0 })),
      client('emergency', totals({ online: 10, alerts: { emergency: 1 } })),
    ]);
    expect(ordered.map((c) => c.name)).toEqual([
      'emergency',
      'critical',
      'server',
      'low',
      'amber',
      'green',
      'empty',
    ]);
  });
});
