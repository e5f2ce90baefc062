import { expect, test } from '@playwright/test';
import { withoutHistory } from './support/history-fixtures';
import { simulator } from './support/simulator';
import { apiJson, type DevicePage } from './support/ui';

// While Level is slow, a device page opened directly (no list in memory) shows what the snapshot
// knows at once and fills in the Level detail when it comes; only those sections wait.
const demo = simulator('demo');
const LEVEL_LATENCY_MS = 6_000;

test('with Level slow, the device page shows name and status at once', async ({ page, request }) => {
  await withoutHistory(page);
  // A device nobody opened in the last minute, so its detail is not in the server's cache.
  const rows = (await apiJson<DevicePage>(request, '/api/devices?limit=300&sort=-hostname')).data;
  const device = rows[100 + Math.floor(Math.random() * 150)];
  if (!device) throw new Error('the demo fleet needs 250 devices');
  // The app's code is in the browser already, as when a technician clicks through the dashboard.
  await page.goto('/devices');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await demo.setFaults({ latencyMs: LEVEL_LATENCY_MS });
  try {
    const started = Date.now();
    await page.goto(`/devices/${device.id}`);
    // Well inside Level's latency: the page must not be waiting for Level.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(device.displayName, { timeout: 5_000 });
    await expect(page.getByTestId('device-identity').locator('[data-status]').first()).toHaveAttribute(
      'data-status',
      device.status,
      { timeout: 1_000 },
    );
    const shownAfterMs = Date.now() - started;
    console.log(
      `name and status shown ${shownAfterMs} ms after navigation (Level latency ${LEVEL_LATENCY_MS} ms)`,
    );
    // The property, rather than a stopwatch (a loaded CI machine is slow too): name and status are
    // shown while Level's detail is still on its way, its section still a skeleton.
    expect(shownAfterMs).toBeLessThan(LEVEL_LATENCY_MS);
    await expect(page.getByRole('status', { name: 'Loading operating system' })).toBeVisible({
      timeout: 500,
    });
    // Alerts come from the snapshot too; only the Level sections are skeletons meanwhile.
    await expect(page.getByTestId('device-alerts')).toBeVisible();
    await expect(page.getByTestId('device-os')).toBeVisible({ timeout: 40_000 });
    await expect(page.getByRole('status', { name: 'Loading operating system' })).toHaveCount(0);
  } finally {
    await demo.resetFaults();
  }
});
