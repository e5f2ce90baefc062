import { randomBytes } from 'node:crypto';
import path from 'node:path';

// Values shared by playwright.config.ts and the specs. Workers inherit the runner's environment,
// so generating once into process.env gives every process the same secrets for this run.
process.env.E2E_LEVEL_KEY ??= `e2e-${randomBytes(18).toString('base64url')}`;
process.env.E2E_CONTROL_TOKEN ??= `ctl-${randomBytes(12).toString('base64url')}`;
process.env.E2E_ADMIN_PASSWORD ??= `pw-${randomBytes(12).toString('base64url')}`;

export const LEVEL_KEY = process.env.E2E_LEVEL_KEY;
export const CONTROL_TOKEN = process.env.E2E_CONTROL_TOKEN;
export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD;

// E2E_PORT_BASE moves every port, so two checkouts can run their suites side by side.
const BASE = Number(process.env.E2E_PORT_BASE ?? 3100);

export const ARTIFACTS = path.resolve('e2e/.artifacts');
export const DEMO = {
  port: BASE,
  dataDir: path.join(ARTIFACTS, 'data-demo'),
  log: path.join(ARTIFACTS, 'server-demo.log'),
};
export const LIVE = {
  port: BASE + 1,
  dataDir: path.join(ARTIFACTS, 'data-live'),
  log: path.join(ARTIFACTS, 'server-live.log'),
};
export const SIMULATOR = { port: BASE + 1010, devices: 400 };
export const SYNC_INTERVAL_SECONDS = 5;

export const demoUrl = `http://127.0.0.1:${DEMO.port}`;
export const liveUrl = `http://127.0.0.1:${LIVE.port}`;
export const simulatorOrigin = `http://127.0.0.1:${SIMULATOR.port}`;
