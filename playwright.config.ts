import { defineConfig, devices } from '@playwright/test';
import {
  ADMIN_STATE,
  CONTROL_TOKEN,
  DEMO,
  LEVEL_KEY,
  LEVEL_READONLY_KEY,
  LIVE,
  SHARED_SERVER_ENV,
  SIMULATOR,
  SYNC_INTERVAL_SECONDS,
  WEBHOOK_SECRET,
  demoUrl,
  liveUrl,
  simulatorOrigin,
} from './e2e/support/env';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/lib/chromium-launch';

// Two Levelboard servers from the same build: "demo" (no key, built-in simulator) and "live"
// (a known key against a standalone simulator whose faults the specs switch at run time).
const shard = process.env.E2E_SHARD;

export default defineConfig({
  testDir: 'e2e',
  outputDir: shard ? `test-results/shard-${shard}` : 'test-results',
  fullyParallel: false,
  // The servers and simulators are shared; specs that inject faults must not overlap.
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [
    ['list'],
    [
      'html',
      { open: 'never', outputFolder: shard ? `playwright-report/shard-${shard}` : 'playwright-report' },
    ],
  ],
  use: {
    baseURL: demoUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'chromium',
      dependencies: ['setup'],
      use: { ...devices['Desktop Chrome'], channel: undefined, storageState: ADMIN_STATE },
    },
  ],
  webServer: [
    {
      command: `npx tsx simulator/cli.ts --devices ${SIMULATOR.devices} --port ${SIMULATOR.port} --seed 3 --frozen --key ${LEVEL_KEY} --read-only-key ${LEVEL_READONLY_KEY} --control-token ${CONTROL_TOKEN}`,
      url: `${simulatorOrigin}/v2/devices`, // 401 without a key counts as "up"
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: 'node e2e/support/serve.mjs',
      url: `${liveUrl}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        SERVE_PORT: String(LIVE.port),
        SERVE_DATA_DIR: LIVE.dataDir,
        SERVE_LOG: LIVE.log,
        LEVEL_API_KEY: LEVEL_KEY,
        LEVEL_API_URL: `${simulatorOrigin}/v2`,
        LEVEL_WEBHOOK_SECRET: WEBHOOK_SECRET,
        ...SHARED_SERVER_ENV,
        SYNC_INTERVAL_SECONDS: String(SYNC_INTERVAL_SECONDS),
        LEVEL_TIMEOUT_MS: '2000',
        // Notifications (e2e/notifications-flow.spec.ts): evaluate often, links to this server.
        NOTIFY_EVALUATE_SECONDS: '2',
        PUBLIC_URL: liveUrl,
      },
    },
    {
      command: 'node e2e/support/serve.mjs',
      url: `${demoUrl}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        SERVE_PORT: String(DEMO.port),
        SERVE_DATA_DIR: DEMO.dataDir,
        SERVE_LOG: DEMO.log,
        LEVEL_API_KEY: '',
        ...SHARED_SERVER_ENV,
        DEMO_DEVICES: '300',
        SYNC_INTERVAL_SECONDS: String(SYNC_INTERVAL_SECONDS),
      },
    },
  ],
});
