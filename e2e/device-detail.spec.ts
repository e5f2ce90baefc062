import { expect, test } from '@playwright/test';
import { withoutHistory } from './support/history-fixtures';
import { simulator } from './support/simulator';
import { apiJson, tableReady, type DevicePage, type DeviceRow } from './support/ui';

const demo = simulator('demo');

interface DeviceResponse {
  device: DeviceRow & { clientName: string | null; groupPath: string[] };
  detail: {
    operatingSystem?: { fullName: string | null } | null;
    diskPartitions?: unknown[] | null;
    networkInterfaces?: unknown[] | null;
    security?: { score: number | null; antivirusStatus?: string | null } | null;
    securityScore: number | null;
    serialNumber: string | null;
  } | null;
  detailError: string | null;
  alerts: { id: string; resolved: boolean; severity: string }[];
}

test.describe('device detail', () => {
  test.beforeAll(async () => {
    await demo.freeze(true);
  });
  test.afterAll(async () => {
    await demo.freeze(false);
  });

  test('opens from the table and shows what the API knows about the device', async ({ page, request }) => {
    await withoutHistory(page);
    await page.goto('/devices?alerts=any&sort=-alerts');
    await tableReady(page, 'alerts=any');
    const top = (await apiJson<DevicePage>(request, '/api/devices?alerts=any&sort=-alerts&limit=1')).data[0];
    expect(top).toBeTruthy();
    await page.locator(`[data-device-id="${top?.id}"]`).getByTestId('device-link').click();
    await expect(page).toHaveURL(new RegExp(`/devices/${top?.id}$`));

    const api = await apiJson<DeviceResponse>(request, `/api/devices/${top?.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(api.device.displayName);
    await expect(page.getByTestId('device-identity').locator('[data-status]').first()).toHaveAttribute(
      'data-status',
      api.device.status,
    );
    if (api.device.clientName) {
      await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(api.device.clientName);
    }
    expect(api.detail, api.detailError ?? '').not.toBeNull();
    await expect(page.getByTestId('device-os')).toContainText(api.detail?.operatingSystem?.fullName ?? '—');
    await expect(page.getByTestId('partition')).toHaveCount(api.detail?.diskPartitions?.length ?? 0);
    await expect(page.getByTestId('network-interface')).toHaveCount(
      api.detail?.networkInterfaces?.length ?? 0,
    );
    const score = api.detail?.security?.score ?? api.detail?.securityScore ?? null;
    await expect(page.getByTestId('security-score')).toHaveText(
      score === null ? 'Level has no security score for this device' : String(score),
    );
    if (api.detail?.serialNumber)
      await expect(page.getByTestId('device-hardware')).toContainText(api.detail.serialNumber);
    await expect(page.getByTestId('device-alerts').getByTestId('alert-item')).toHaveCount(api.alerts.length);
    // Severity first (issue 16): active alerts worst first, resolved ones after them.
    const rank: Record<string, number> = { emergency: 3, critical: 2, warning: 1, information: 0 };
    const activeRanks = api.alerts
      .filter((alert) => !alert.resolved)
      .map((alert) => rank[alert.severity] ?? -1);
    expect(activeRanks).toEqual([...activeRanks].sort((a, b) => b - a));
    const firstResolved = api.alerts.findIndex((alert) => alert.resolved);
    if (firstResolved >= 0)
      expect(api.alerts.slice(firstResolved).every((alert) => alert.resolved)).toBe(true);
    // Level's documented healthy antivirus value is "good": a green shield, never red.
    const antivirus = api.detail?.security?.antivirusStatus;
    if (antivirus === 'good')
      await expect(page.getByTestId('antivirus')).toHaveAttribute('data-state', 'good');
    const active = api.alerts.filter((alert) => !alert.resolved).length;
    await expect(page.getByTestId('device-alerts')).toContainText(`Alerts (${active} active)`);
    await expect(page.getByTestId('history-empty')).toContainText(
      'History appears once Levelboard has recorded a few syncs',
    );
  });

  test('shows uptime, offline since and the status timeline from recorded history', async ({
    page,
    request,
  }) => {
    const asked: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/api/history/devices/')) asked.push(new URL(req.url()).search);
    });
    const device = (await apiJson<DevicePage>(request, '/api/devices?status=online&limit=1'))
      .data[0] as DeviceRow;
    // Real history: the simulator takes the device down, Levelboard's next sync records it.
    await demo.setDevice(device.id, { online: false });
    try {
      await expect
        .poll(
          async () =>
            (await apiJson<{ status: string }>(request, `/api/history/devices/${device.id}?range=7d`)).status,
        )
        .toBe('offline');
      await page.goto(`/devices/${device.id}`);
      const availability = page.getByTestId('device-availability');
      await expect(availability).toContainText('Offline since');
      await expect(page.getByTestId('uptime-pct')).toHaveText(/^\d+(\.\d)? %$/);
      await expect(
        availability.getByRole('list', { name: 'Status changes' }).getByRole('listitem').first(),
      ).toBeVisible();
      expect(asked.at(-1)).toBe('?range=7d');
      await availability.getByRole('button', { name: '30 days' }).click();
      await expect(page).toHaveURL(/range=30d/);
      await expect.poll(() => asked.at(-1)).toBe('?range=30d');
    } finally {
      await demo.setDevice(device.id, { online: true });
    }
  });

  test('an unknown device says so instead of failing', async ({ page }) => {
    await page.goto('/devices/Z2lkOi8vbGV2ZWwvRGV2aWNlLzk5OTk5OTk');
    await expect(page.getByTestId('device-not-found')).toContainText('Levelboard does not know this device');
  });
});
