import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { apiJson, tableReady, type DevicePage } from './ui';

// Every dashboard page, with what "fully shown" means for it; used by the screenshot and axe specs.
export interface DashboardPage {
  name: string;
  path: string;
  ready: (page: Page) => Promise<void>;
}

async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('chart-skeleton')).toHaveCount(0);
  await expect(page.locator('[role="status"][aria-label^="Loading"]')).toHaveCount(0);
}

export async function dashboardPages(request: APIRequestContext): Promise<DashboardPage[]> {
  const device = (await apiJson<DevicePage>(request, '/api/devices?alerts=any&sort=-alerts&limit=1')).data[0];
  const { groups } = await apiJson<{ groups: { id: string; depth: number; childIds: string[] }[] }>(
    request,
    '/api/groups',
  );
  const group =
    groups.find((candidate) => candidate.depth === 0 && candidate.childIds.length > 0) ?? groups[0];
  return [
    {
      name: 'overview',
      path: '/',
      ready: async (page) => {
        await expect(page.getByTestId('tile-total').locator('[data-value]')).toBeVisible();
        await expect(page.getByTestId('client-tile').first()).toBeVisible();
        await settled(page);
      },
    },
    {
      name: 'devices',
      path: '/devices',
      ready: async (page) => {
        const table = await tableReady(page);
        await expect
          .poll(
            async () =>
              (await table.getAttribute('data-loaded')) === (await table.getAttribute('data-total')),
          )
          .toBe(true);
        await expect(page.locator('[data-skeleton]')).toHaveCount(0);
      },
    },
    {
      name: 'device',
      path: `/devices/${device?.id}`,
      ready: async (page) => {
        await expect(page.getByTestId('device-os')).toBeVisible();
        await settled(page);
      },
    },
    {
      name: 'groups',
      path: '/groups',
      ready: async (page) => {
        await expect(page.getByTestId('group-tree')).toBeVisible();
      },
    },
    {
      name: 'group',
      path: `/groups/${group?.id}`,
      ready: async (page) => {
        await expect(page.getByTestId('group-tile-total').locator('[data-value]')).toBeVisible();
        await expect(page.getByTestId('device-list')).toBeVisible();
        if (group?.depth === 0) await expect(page.getByTestId('availability-panel')).toBeVisible();
        await settled(page);
      },
    },
    {
      name: 'alerts',
      path: '/alerts',
      ready: async (page) => {
        await expect(page.getByTestId('alert-list')).toBeVisible();
        await expect(page.getByTestId('severity-count-warning').locator('[data-value]')).toBeVisible();
      },
    },
    {
      name: 'users',
      path: '/users',
      ready: async (page) => {
        await expect(page.getByTestId('users-table')).toBeVisible();
        await expect(page.getByTestId('break-glass-state')).toBeVisible();
      },
    },
    {
      name: 'notifications',
      path: '/settings/notifications?tab=log',
      ready: async (page) => {
        const phone = (page.viewportSize()?.width ?? 0) < 768;
        await expect(
          phone ? page.getByRole('list', { name: 'Deliveries' }) : page.getByTestId('delivery-log'),
        ).toBeVisible();
        await expect(page.getByTestId('log-channel')).toBeVisible();
      },
    },
    {
      name: 'reports-hub',
      path: '/settings/reports',
      ready: async (page) => {
        await expect(page.getByTestId('schedule-editor')).toBeVisible();
        await expect(page.getByTestId('report-archive')).toBeVisible();
        await expect(
          page.getByTestId('send-now').locator('select').first().locator('option').first(),
        ).toBeAttached();
      },
    },
    {
      name: 'report',
      path: `/reports/${group?.id}`,
      ready: async (page) => {
        await expect(page.locator('.lb-report')).toBeVisible();
        await expect(page.getByTestId('report-period')).toBeVisible();
      },
    },
    {
      name: 'report-branding',
      path: '/settings/reports/branding',
      ready: async (page) => {
        await expect(page.getByTestId('branding-preview')).toBeVisible();
      },
    },
    {
      name: 'report client settings',
      path: '/settings/reports/clients',
      ready: async (page) => {
        await expect(page.getByTestId('client-report-settings')).toBeVisible();
      },
    },
    {
      name: 'manage',
      path: '/manage',
      ready: async (page) => {
        await expect(page.getByTestId('tag-item').first()).toBeVisible();
        await expect(page.getByTestId('automation-item').first()).toBeVisible();
      },
    },
  ];
}

export type Theme = 'light' | 'dark';

/** Theme chosen the way a user does (saved preference), before any script runs. */
export async function applyTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript((value) => localStorage.setItem('levelboard-theme', value), theme);
}
