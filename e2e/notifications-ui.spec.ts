import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoUrl } from './support/env';
import {
  RECEIVER_FAIL_TEXT,
  RECEIVER_OK_TEXT,
  startReceiver,
  type Receiver,
} from './support/notify-receiver';
import { createPerson } from './support/people';

// Settings → Notifications as an admin uses it, against a real receiver on 127.0.0.1: a channel is
// added, "Send test" shows what the receiver answered (and its error when it fails), a rule with
// quiet hours reads back as a plain summary, the delivery log lists the tests, the server's 400
// reaches the form, and nobody but an admin gets the page.

let receiver: Receiver;
test.beforeAll(async () => {
  receiver = await startReceiver();
});
test.afterAll(async () => {
  await receiver.close();
});

const SECRET = 'an-e2e-signing-secret-0123456789';

async function addWebhook(page: Page, name: string, url: string, secret = SECRET) {
  await page.getByTestId('add-channel').click();
  const dialog = page.getByTestId('channel-dialog');
  await dialog.getByLabel('Kind').selectOption('webhook');
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('URL', { exact: true }).fill(url);
  await dialog.getByLabel('Signing secret').fill(secret);
  await dialog.getByTestId('save-channel').click();
}

test('an admin adds channels, tests them, writes a rule and reads the delivery log', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const okName = `Hook ok ${stamp}`;
  const failName = `Hook failing ${stamp}`;

  await page.goto('/settings');
  await page.getByTestId('settings-notifications-link').click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();

  // The server's own 400 reaches the form (the secret is too short), and nothing is saved.
  await addWebhook(page, okName, receiver.url('/ok'), 'short');
  await expect(page.getByTestId('channel-error')).toContainText('at least 16 characters');
  await page.getByTestId('channel-dialog').getByLabel('Signing secret').fill(SECRET);
  await page.getByTestId('channel-dialog').getByTestId('save-channel').click();
  await expect(page.getByTestId('channel-dialog')).toBeHidden();

  const okRow = page.locator(`[data-testid="channel-row"][data-name="${okName}"]`);
  await expect(okRow).toContainText('Signed webhook');
  await expect(okRow).toContainText('secret set');
  // Write-only: the secret is not in the page, not even in the edit form.
  await okRow.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByTestId('channel-dialog').getByLabel('Signing secret')).toHaveValue('');
  await expect(page.getByTestId('channel-dialog')).toContainText('Leave empty to keep');
  expect(await page.content()).not.toContain(SECRET);
  await page.getByTestId('channel-dialog').getByRole('button', { name: 'Cancel' }).click();

  await okRow.getByTestId('send-test').click();
  await expect(okRow.getByTestId('test-answer')).toContainText('Delivered · receiver answered 200');
  await expect(okRow.getByTestId('test-answer')).toContainText(RECEIVER_OK_TEXT);
  const arrived = receiver.received.find((request) => request.path === '/ok');
  expect(arrived?.headers['x-levelboard-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  expect(JSON.parse(arrived?.body ?? '{}')).toMatchObject({ kind: 'test' });

  await addWebhook(page, failName, receiver.url('/fail'));
  const failRow = page.locator(`[data-testid="channel-row"][data-name="${failName}"]`);
  await failRow.getByTestId('send-test').click();
  await expect(failRow.getByTestId('test-answer')).toContainText('Not delivered');
  await expect(failRow.getByTestId('test-answer')).toContainText('500');
  await expect(failRow.getByTestId('test-answer')).toContainText(RECEIVER_FAIL_TEXT);

  // A rule: first refused by the server (no event chosen), then saved with quiet hours.
  await page.getByTestId('tab-rules').click();
  await expect(page).toHaveURL(/tab=rules/);
  await page.getByTestId('add-rule').click();
  const editor = page.getByTestId('rule-editor');
  await editor.getByLabel('Name', { exact: true }).fill(`Night watch ${stamp}`);
  for (const event of ['New alert', 'Device offline'])
    await editor.getByLabel(event, { exact: true }).uncheck();
  await editor.getByTestId('rule-channels').getByLabel(okName).check();
  await editor.getByTestId('save-rule').click();
  await expect(editor.getByTestId('rule-error')).toHaveText(
    'Invalid field "events": choose at least one event.',
  );

  await editor.getByLabel('Site down', { exact: true }).check();
  await editor.getByLabel('Level unreachable or key rejected').check();
  await editor.getByTestId('quiet-hours-on').check();
  await editor.getByLabel('Quiet from').fill('22:30');
  await editor.getByLabel('Quiet until').fill('06:00');
  await editor.getByLabel('Time zone').selectOption('Europe/Berlin');
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="rule-editor"]')
    .withTags(['wcag2a', 'wcag2aa'])
    .analyze();
  expect(
    axe.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? '')),
  ).toEqual([]);
  await editor.getByTestId('save-rule').click();
  await expect(editor).toBeHidden();
  const rule = page.locator(`[data-testid="rule-row"][data-name="Night watch ${stamp}"]`);
  await expect(rule.getByTestId('rule-summary')).toHaveText(
    `Sites down, Level unreachable, if still true after 5 min, whole fleet → ${okName}, quiet 22:30–06, Europe/Berlin`,
  );

  // The delivery log lists both tests with the receivers' answers; the status filter narrows it.
  await page.getByTestId('tab-log').click();
  const log = page.getByTestId('delivery-log');
  const sent = log.locator('[data-testid="delivery-row"][data-kind="test"]', { hasText: okName });
  const failed = log.locator('[data-testid="delivery-row"][data-kind="test"]', { hasText: failName });
  await expect(sent).toHaveAttribute('data-status', 'sent');
  await expect(failed).toHaveAttribute('data-status', 'failed');
  await failed.getByText('500', { exact: false }).first().click();
  await expect(failed).toContainText(RECEIVER_FAIL_TEXT);
  await page.getByTestId('log-status').selectOption('failed');
  await expect(log.locator('[data-testid="delivery-row"]').first()).toBeVisible();
  await expect(log.locator('[data-testid="delivery-row"]:not([data-status="failed"])')).toHaveCount(0);
  await expect(failed).toBeVisible();
});

test('technicians and viewers are sent away from the page', async ({ browser, request }) => {
  for (const role of ['technician', 'viewer'] as const) {
    const person = await createPerson(request, demoUrl, { role });
    const context = await browser.newContext({
      baseURL: demoUrl,
      storageState: { cookies: [], origins: [] },
    });
    const [name = '', value = ''] = person.cookie.split(/=(.*)/s);
    await context.addCookies([{ name, value, url: demoUrl }]);
    const page = await context.newPage();
    await page.goto('/settings/notifications');
    await expect(page).toHaveURL(`${demoUrl}/`);
    await context.close();
  }
});

test('a rule naming a group the synced fleet does not have is refused with the reason', async ({
  request,
}) => {
  const response = await request.post(`${demoUrl}/api/admin/notifications/rules`, {
    headers: { Origin: demoUrl },
    data: {
      name: 'Ghost client',
      events: ['alert'],
      scope: { kind: 'groups', groupIds: ['no-such-group'] },
      channelIds: ['any'],
    },
  });
  expect(response.status()).toBe(400);
  expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
    'Invalid field "scope.groupIds": no group "no-such-group".',
  );
});
