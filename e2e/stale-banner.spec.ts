import { expect, test } from '@playwright/test';
import { SYNC_INTERVAL_SECONDS, liveUrl } from './support/env';
import { simulator } from './support/simulator';

const live = simulator('live');

test('the overview keeps its numbers and says so when Level fails, and recovers by itself', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(liveUrl);
  await expect(page.getByTestId('tile-total').locator('[data-value]')).toBeVisible();
  const total = await page.getByTestId('tile-total').locator('[data-value]').getAttribute('data-value');
  await live.setFaults({ errorRate: 1 });
  try {
    await expect(page.getByTestId('stale-banner')).toContainText('Level unreachable since', {
      timeout: (SYNC_INTERVAL_SECONDS * 3 + 15) * 1000,
    });
    await expect(page.getByTestId('tile-total').locator('[data-value]')).toHaveAttribute(
      'data-value',
      total ?? '',
    );
    await page.screenshot({ path: 'e2e/.artifacts/screenshots/overview-stale.png', fullPage: true });
  } finally {
    await live.resetFaults();
  }
  await expect(page.getByTestId('stale-banner')).toHaveCount(0, { timeout: 60_000 });
});
