import type { ChangesResponse, DeviceHistory, HistorySeries } from '@/lib/domain/history';
import type { Page } from '@playwright/test';

// Typed stand-ins for /api/history/*, so the chart and timeline code is exercised whether or not
// the server records history yet.

const HOUR = 3_600_000;

export function fleetSeries(now = Date.now(), hours = 24): HistorySeries {
  const points = Array.from({ length: hours * 4 }, (_, index) => {
    const t = now - hours * HOUR + index * (HOUR / 4);
    const offline = 20 + Math.round(10 * Math.sin(index / 6));
    return {
      t: new Date(t).toISOString(),
      total: 300,
      online: 300 - offline - 10,
      offline,
      maintenance: 10,
      onlinePct: ((300 - offline - 10) / 290) * 100,
      alerts: {
        information: 10,
        warning: 40 + (index % 7),
        critical: 3,
        emergency: index % 11 === 0 ? 1 : 0,
      },
      securityScore: 71,
    };
  });
  return {
    from: new Date(now - hours * HOUR).toISOString(),
    to: new Date(now).toISOString(),
    resolution: '5m',
    points,
    syncedAt: new Date(now).toISOString(),
    stale: false,
  };
}

export function deviceHistory(now = Date.now()): DeviceHistory {
  return {
    from: new Date(now - 7 * 24 * HOUR).toISOString(),
    to: new Date(now).toISOString(),
    status: 'offline',
    offlineSince: new Date(now - 3 * HOUR).toISOString(),
    uptimePct: 97.5,
    transitions: [
      { at: new Date(now - 5 * 24 * HOUR).toISOString(), from: 'online', to: 'maintenance' },
      { at: new Date(now - 5 * 24 * HOUR + 2 * HOUR).toISOString(), from: 'maintenance', to: 'online' },
      { at: new Date(now - 3 * HOUR).toISOString(), from: 'online', to: 'offline' },
    ],
    syncedAt: new Date(now).toISOString(),
    stale: false,
  };
}

export function changes(now = Date.now()): ChangesResponse {
  return {
    events: [
      {
        at: new Date(now - 5 * 60_000).toISOString(),
        kind: 'device_offline',
        deviceId: 'fixture-device',
        hostname: 'FIXTURE-PC-01',
        groupId: null,
        clientName: 'Fixture Client',
        alertId: null,
        alertName: null,
        severity: null,
      },
      {
        at: new Date(now - 20 * 60_000).toISOString(),
        kind: 'alert_opened',
        deviceId: 'fixture-device',
        hostname: 'FIXTURE-PC-01',
        groupId: null,
        clientName: 'Fixture Client',
        alertId: 'fixture-alert',
        alertName: 'Disk space low',
        severity: 'critical',
      },
    ],
    syncedAt: new Date(now).toISOString(),
    stale: false,
  };
}

/** Answers every history route from the fixtures above. */
export async function mockHistory(page: Page): Promise<void> {
  await page.route('**/api/history/**', async (route) => {
    const url = new URL(route.request().url());
    const body = url.pathname.startsWith('/api/history/devices/')
      ? deviceHistory()
      : url.pathname === '/api/history/changes'
        ? changes()
        : fleetSeries();
    await route.fulfill({ json: body });
  });
}

/** Answers every history route 404, as a server without the history layer does. */
export async function withoutHistory(page: Page): Promise<void> {
  await page.route('**/api/history/**', (route) =>
    route.fulfill({ status: 404, json: { error: { code: 'not_found', message: 'Not found' } } }),
  );
}
