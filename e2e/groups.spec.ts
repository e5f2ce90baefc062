import { expect, test } from '@playwright/test';
import { simulator } from './support/simulator';
import { apiJson, tableReady, tableTotal } from './support/ui';

const demo = simulator('demo');

interface Rollup {
  devices: { total: number; online: number; offline: number; maintenance: number };
  alerts: Record<string, number>;
  activeAlerts: number;
  worstSeverity: string | null;
}
interface GroupNode {
  id: string;
  name: string;
  parentId: string | null;
  childIds: string[];
  depth: number;
  subtree: Rollup;
}

const pct = (rollup: Rollup) => {
  const monitored = rollup.devices.total - rollup.devices.maintenance;
  return monitored > 0 ? `${((rollup.devices.online / monitored) * 100).toFixed(0)} %` : '—';
};

test.describe('groups', () => {
  test.beforeAll(async () => {
    await demo.freeze(true);
  });
  test.afterAll(async () => {
    await demo.freeze(false);
  });

  test('the tree shows every client with its rolled-up health, and expands', async ({ page, request }) => {
    const { groups } = await apiJson<{ groups: GroupNode[] }>(request, '/api/groups');
    const clients = groups.filter((group) => group.depth === 0);
    await page.goto('/groups');
    const tree = page.getByTestId('group-tree');
    await expect(tree.getByTestId('group-row')).toHaveCount(clients.length + 1); // + ungrouped
    for (const client of clients.slice(0, 5)) {
      const row = tree.locator(`[data-group-id="${client.id}"]`);
      await expect(row.getByTestId('group-link')).toHaveText(client.name);
      await expect(row.locator('[data-value]')).toHaveAttribute(
        'data-value',
        String(client.subtree.devices.total),
      );
      await expect(row.getByTestId('online-pct')).toHaveText(pct(client.subtree));
      if (client.subtree.worstSeverity) {
        // Per-severity chips, worst first (issue 16: the badge says what it counts).
        await expect(row.locator('[data-severity]').first()).toHaveAttribute(
          'data-severity',
          client.subtree.worstSeverity,
        );
        for (const [severity, count] of Object.entries(client.subtree.alerts)) {
          await expect(row.locator(`[data-severity="${severity}"]`)).toHaveCount(count > 0 ? 1 : 0);
          if (count > 0)
            await expect(row.locator(`[data-severity="${severity}"]`)).toHaveAttribute(
              'data-count',
              String(count),
            );
        }
      }
    }
    const parent = clients.find((client) => client.childIds.length > 0);
    expect(parent).toBeTruthy();
    const toggle = tree.locator(`[data-group-id="${parent?.id}"]`).getByTestId('group-toggle');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    for (const childId of parent?.childIds ?? [])
      await expect(tree.locator(`[data-group-id="${childId}"]`)).toBeVisible();
    await toggle.click();
    await expect(tree.locator(`[data-group-id="${parent?.childIds[0]}"]`)).toHaveCount(0);
  });

  test('search finds nested groups, keeps their ancestors, and lives in the URL', async ({
    page,
    request,
  }) => {
    const { groups } = await apiJson<{ groups: GroupNode[] }>(request, '/api/groups');
    const nested = groups.find((group) => group.depth > 0);
    const term = nested?.name ?? '';
    const matches = groups.filter((group) => group.name.toLowerCase().includes(term.toLowerCase()));
    await page.goto('/groups');
    await page.getByTestId('group-search').fill(term);
    await expect(page.getByTestId('group-count')).toHaveText(
      `${matches.length} matching group${matches.length === 1 ? '' : 's'}`,
    );
    await expect(page.locator(`[data-group-id="${nested?.id}"]`)).toBeVisible();
    await expect(page.locator(`[data-group-id="${nested?.parentId}"]`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(term).replace(/%20/g, '(\\+|%20)')}`));
    await page.reload();
    await expect(page.getByTestId('group-search')).toHaveValue(term);
    await expect(page.locator(`[data-group-id="${nested?.id}"]`)).toBeVisible();

    await page.getByTestId('group-search').fill('zz-no-group-zz');
    await expect(page.getByTestId('groups-empty')).toBeVisible();
  });

  test('a group page shows its numbers, devices, alerts and health over time', async ({ page, request }) => {
    const { groups } = await apiJson<{ groups: GroupNode[] }>(request, '/api/groups');
    const client = groups.find(
      (group) => group.depth === 0 && group.childIds.length > 0 && group.subtree.activeAlerts > 0,
    );
    expect(client).toBeTruthy();
    if (!client) return;
    await page.goto('/groups');
    await page
      .getByTestId('group-tree')
      .locator(`[data-group-id="${client.id}"]`)
      .getByTestId('group-link')
      .click();
    await expect(page).toHaveURL(new RegExp(`/groups/${client.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(client.name);
    for (const key of ['total', 'online', 'offline', 'maintenance'] as const) {
      await expect(page.getByTestId(`group-tile-${key}`).locator('[data-value]')).toHaveAttribute(
        'data-value',
        String(client.subtree.devices[key]),
      );
    }
    for (const severity of ['information', 'warning', 'critical', 'emergency']) {
      await expect(page.getByTestId(`tile-alerts-${severity}`).locator('[data-value]')).toHaveAttribute(
        'data-value',
        String(client.subtree.alerts[severity] ?? 0),
      );
    }
    await expect(page.getByTestId('chart-health-history').locator('svg').first()).toBeVisible();
    await expect(page.getByRole('table', { name: 'Subgroups' }).getByTestId('group-row')).toHaveCount(
      client.childIds.length,
    );
    const alerts = await apiJson<{ total: number }>(
      request,
      `/api/alerts?status=active&group=${client.id}&limit=1`,
    );
    await expect(page.locator('#group-alert-list-heading')).toHaveText(`Active alerts (${alerts.total})`);
    // Severity first (the one rule): the group's worst alert is never below a lesser one.
    const rank: Record<string, number> = { emergency: 3, critical: 2, warning: 1, information: 0 };
    const listed = page.locator('[aria-labelledby="group-alert-list-heading"]').getByTestId('alert-item');
    await expect(listed.first()).toBeVisible();
    const ranks = (
      await listed.evaluateAll((els) => els.map((el) => el.getAttribute('data-severity') ?? ''))
    ).map((severity) => rank[severity] ?? -1);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    await expect(page.getByTestId('device-list-item')).toHaveCount(
      Math.min(25, client.subtree.devices.total),
    );

    await page.getByTestId('group-all-devices').click();
    await tableReady(page, `group=${client.id}`);
    expect(await tableTotal(page)).toBe(client.subtree.devices.total);
  });

  test('a failed load shows an error with a retry, and the retry recovers', async ({ page }) => {
    let fail = true;
    await page.route('**/api/groups', (route) =>
      fail
        ? route.fulfill({
            status: 500,
            json: { error: { code: 'internal', message: 'Something went wrong' } },
          })
        : route.fallback(),
    );
    await page.goto('/groups');
    const error = page.getByRole('alert').filter({ hasText: 'Levelboard could not load this data' });
    await expect(error).toContainText('Something went wrong', { timeout: 30_000 });
    fail = false;
    await error.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('group-tree')).toBeVisible();
  });
});
