import { expect, test } from '@playwright/test';
import { apiJson } from './support/ui';

// Settings → Reports → Clients in a browser: the server's validation message is shown as it
// comes, a valid save persists across a reload, and the client's group page shows its
// availability against the target just saved.

test("edits a client's report settings and shows the new target on its page", async ({ page, request }) => {
  const { clients } = await apiJson<{ clients: { id: string; name: string }[] }>(
    request,
    '/api/fleet/clients',
  );
  const client = clients[0]!;
  await page.goto(`/settings/reports/clients?client=${encodeURIComponent(client.id)}`);
  const form = page.getByTestId('client-report-settings');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('report-client-picker')).toHaveValue(client.id);

  await page.getByTestId('sla-servers').fill('99.5');
  await page.getByTestId('report-contacts').fill('not-an-address');
  await page.getByTestId('report-settings-save').click();
  await expect(page.getByTestId('report-settings-error')).toContainText('contacts');

  await page.getByTestId('report-contacts').fill('it@client.example');
  await page.getByTestId('report-time-zone').selectOption('Europe/Berlin');
  await page.getByTestId('report-settings-save').click();
  await expect(page.getByTestId('report-settings-saved')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('sla-servers')).toHaveValue('99.5');
  await expect(page.getByTestId('report-contacts')).toHaveValue('it@client.example');
  await expect(page.getByTestId('report-time-zone')).toHaveValue('Europe/Berlin');

  await page.goto(`/groups/${encodeURIComponent(client.id)}`);
  const panel = page.getByTestId('availability-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Europe/Berlin');
  await expect(page.getByTestId('availability-server')).toContainText('Target 99.5 %');
});
