import { expect, test, type Page } from '@playwright/test';
import { simulator } from './support/simulator';
import { apiJson, type DevicePage } from './support/ui';

const demo = simulator('demo');
const SEVERITIES = ['information', 'warning', 'critical', 'emergency'] as const;

interface AlertPage {
  data: { id: string; name: string; severity: string; resolved: boolean; deviceId: string }[];
  total: number;
}

async function shownTotal(page: Page): Promise<number> {
  return Number(await page.getByTestId('alert-count').locator('[data-value]').getAttribute('data-value'));
}

test.describe('alerts', () => {
  test.beforeAll(async () => {
    await demo.freeze(true);
  });
  test.afterAll(async () => {
    await demo.freeze(false);
  });

  test('counts per severity and the severity-first list match the API', async ({ page, request }) => {
    await page.goto('/alerts');
    const active = await apiJson<AlertPage>(request, '/api/alerts?status=active&limit=20');
    await expect(page.getByTestId('alert-count').locator('[data-value]')).toHaveAttribute(
      'data-value',
      String(active.total),
    );
    const stats = await demo.stats();
    for (const severity of SEVERITIES) {
      await expect(page.getByTestId(`severity-count-${severity}`).locator('[data-value]')).toHaveAttribute(
        'data-value',
        String(stats.alerts.active[severity]),
      );
    }
    const ids = await page
      .getByTestId('alert-item')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-alert-id')));
    expect(ids.slice(0, 20)).toEqual(active.data.map((alert) => alert.id));
  });

  test('severity, status, group and search filters narrow the list and round-trip the URL', async ({
    page,
    request,
  }) => {
    await page.goto('/alerts');
    await page.getByTestId('severity-count-warning').click();
    await expect(page).toHaveURL(/severity=warning/);
    const warnings = await apiJson<AlertPage>(request, '/api/alerts?status=active&severity=warning&limit=1');
    await expect.poll(() => shownTotal(page)).toBe(warnings.total);
    const severities = await page
      .getByTestId('alert-item')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-severity')));
    expect(new Set(severities)).toEqual(new Set(['warning']));

    await page.getByTestId('alert-status').getByRole('button', { name: 'All' }).click();
    await expect(page).toHaveURL(/status=all/);
    // Another tab starts without the severity (issue 16: it used to carry over silently).
    expect(new URL(page.url()).searchParams.get('severity')).toBeNull();
    await page.getByTestId('severity-count-warning').click();
    await expect(page).toHaveURL(/severity=warning/);
    const all = await apiJson<AlertPage>(request, '/api/alerts?status=all&severity=warning&limit=1');
    await expect.poll(() => shownTotal(page)).toBe(all.total);

    const { groups } = await apiJson<{
      groups: { id: string; depth: number; subtree: { activeAlerts: number } }[];
    }>(request, '/api/groups');
    const client = groups.find((group) => group.depth === 0 && group.subtree.activeAlerts > 1);
    await page.getByTestId('alert-filter-group').selectOption(client?.id ?? '');
    await expect(page).toHaveURL(new RegExp(`group=${client?.id}`));
    const inGroup = await apiJson<AlertPage>(
      request,
      `/api/alerts?status=all&severity=warning&group=${client?.id}&limit=1`,
    );
    await expect.poll(() => shownTotal(page)).toBe(inGroup.total);

    await page.reload();
    await expect.poll(() => shownTotal(page)).toBe(inGroup.total);
    await expect(page.getByTestId('severity-count-warning')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('alert-filter-group')).toHaveValue(client?.id ?? '');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    const sample = (await apiJson<AlertPage>(request, '/api/alerts?status=all&limit=1')).data[0];
    const term = sample?.name ?? '';
    await page.getByTestId('alert-search').fill(term);
    const searched = await apiJson<AlertPage>(
      request,
      `/api/alerts?status=all&q=${encodeURIComponent(term)}&limit=1`,
    );
    await expect.poll(() => shownTotal(page)).toBe(searched.total);
    for (const name of await page.getByTestId('alert-item').locator('p.font-medium').allTextContents()) {
      expect(name.toLowerCase()).toContain(term.toLowerCase());
    }

    await page.getByTestId('alert-filter-window').selectOption('1h');
    await expect(page).toHaveURL(/window=1h/);
    await expect.poll(() => shownTotal(page)).toBeLessThanOrEqual(searched.total);
  });

  test('a new emergency comes before every critical; "Newest first" puts it at the top', async ({
    page,
    request,
  }) => {
    const device = (await apiJson<DevicePage>(request, '/api/devices?status=online&limit=1')).data[0];
    const name = `E2E alert ${Date.now()}`;
    await page.goto('/alerts');
    await expect(page.getByTestId('alert-item').first()).toBeVisible();
    await demo.openAlert({ device_id: device?.id ?? '', severity: 'critical', name: `${name} (critical)` });
    await demo.openAlert({ device_id: device?.id ?? '', severity: 'emergency', name });
    const item = page
      .getByTestId('alert-item')
      .filter({ hasText: name })
      .filter({ hasNotText: '(critical)' });
    await expect(item).toHaveAttribute('data-severity', 'emergency', { timeout: 30_000 });
    // Severity first: every emergency (oldest first) before the first critical, then the rest.
    const severities = await page
      .getByTestId('alert-item')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-severity')));
    const emergencies = severities.filter((severity) => severity === 'emergency').length;
    expect(severities.slice(0, emergencies)).toEqual(Array(emergencies).fill('emergency'));
    const rank = { emergency: 3, critical: 2, warning: 1, information: 0 } as Record<string, number>;
    const ranks = severities.map((severity) => rank[severity ?? ''] ?? -1);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    await expect(page.getByTestId('alert-count')).toContainText('most severe first');

    await page.getByTestId('alert-sort').selectOption('newest');
    await expect(page).toHaveURL(/sort=newest/);
    await expect(page.getByTestId('alert-item').first()).toContainText(name);
    await expect(page.getByTestId('alert-count')).toContainText('newest first');

    await page.goto(`/alerts?status=all&device=${device?.id}`);
    const forDevice = await apiJson<AlertPage>(
      request,
      `/api/alerts?status=all&device=${device?.id}&limit=50`,
    );
    await expect.poll(() => shownTotal(page)).toBe(forDevice.total);
    await expect(page.getByTestId('alert-device-chip')).toContainText(device?.hostname ?? '');
    await page.getByTestId('alert-device-chip').click();
    await expect(page).not.toHaveURL(/device=/);
  });
});
