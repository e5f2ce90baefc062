import { expect, request as playwrightRequest, test } from '@playwright/test';
import {
  ADMIN_STATE,
  EXTRA_PORTS,
  LEVEL_KEY,
  SHARED_SERVER_ENV,
  SYNC_INTERVAL_SECONDS,
  simulatorOrigin,
} from './support/env';
import { health, startServer } from './support/processes';

// After Level rejected the key, syncs back off for 5 minutes. Saving a working key in Settings
// must sync at once and put the loop back on its normal interval, not wait out the back-off.
test('a key saved after a 401 syncs at once and then every interval again', async () => {
  test.setTimeout(120_000);
  const server = await startServer('key-resync', EXTRA_PORTS[0] ?? 0, {
    LEVEL_API_URL: `${simulatorOrigin}/v2`,
    ...SHARED_SERVER_ENV,
    SYNC_INTERVAL_SECONDS: String(SYNC_INTERVAL_SECONDS),
    DEMO_DEVICES: '30',
  });
  const admin = await playwrightRequest.newContext({ baseURL: server.url, storageState: ADMIN_STATE });
  const save = (apiKey: string) =>
    admin.put('/api/admin/settings/level', { data: { apiKey }, headers: { Origin: server.url } });
  try {
    expect((await save('wrong-key-0123456789abcdef')).status()).toBe(200);
    await expect
      .poll(async () => (await health(server.url)).upstream)
      .toMatchObject({
        lastErrorKind: 'unauthorized',
      });
    // Give the loop time for its own next attempt with that key: from then on it is in the
    // 5-minute back-off of a 401, whichever attempt failed first.
    await new Promise((resolve) => setTimeout(resolve, (SYNC_INTERVAL_SECONDS + 2) * 1000));
    expect((await health(server.url)).upstream).toMatchObject({ lastErrorKind: 'unauthorized' });
    const before = (await health(server.url)).lastSyncAt;
    expect((await save(LEVEL_KEY)).status()).toBe(200);
    // One sync at once, and the next ones at the interval (5 s), well inside the old back-off.
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const { lastSyncAt } = await health(server.url);
          if (lastSyncAt && lastSyncAt !== before) seen.add(lastSyncAt);
          return seen.size;
        },
        { timeout: 6 * SYNC_INTERVAL_SECONDS * 1000, intervals: [500] },
      )
      .toBeGreaterThanOrEqual(3);
  } finally {
    await admin.dispose();
    await server.kill('SIGKILL');
  }
});
