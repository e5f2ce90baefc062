import { randomBytes } from 'node:crypto';
import path from 'node:path';

// Values shared by playwright.config.ts and the specs. Workers inherit the runner's environment,
// so generating once into process.env gives every process the same secrets for this run.
process.env.E2E_LEVEL_KEY ??= `e2e-${randomBytes(18).toString('base64url')}`;
process.env.E2E_LEVEL_READONLY_KEY ??= `e2e-ro-${randomBytes(18).toString('base64url')}`;
process.env.E2E_CONTROL_TOKEN ??= `ctl-${randomBytes(12).toString('base64url')}`;
process.env.E2E_ADMIN_PASSWORD ??= `pw-${randomBytes(12).toString('base64url')}`;
process.env.E2E_SESSION_SECRET ??= randomBytes(36).toString('base64url');
process.env.E2E_WEBHOOK_SECRET ??= `whsec-${randomBytes(18).toString('base64url')}`;

export const LEVEL_KEY = process.env.E2E_LEVEL_KEY;
/** The standalone simulator also accepts this key, for reads only (admin actions get 403). */
export const LEVEL_READONLY_KEY = process.env.E2E_LEVEL_READONLY_KEY;
export const CONTROL_TOKEN = process.env.E2E_CONTROL_TOKEN;
export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD;
export const SESSION_SECRET = process.env.E2E_SESSION_SECRET;
/** The live server's LEVEL_WEBHOOK_SECRET: specs sign Level's webhook deliveries with it. */
export const WEBHOOK_SECRET = process.env.E2E_WEBHOOK_SECRET;
/** Every server of the run shares these, so one admin sign-in is valid on all of them. */
// The default budget (100/min) would stretch the 5 s test sync interval (sync-pace.ts); the suite
// tests behaviour, not Level's rate limit, so it keeps the interval it was written for.
export const E2E_REQUEST_BUDGET = 1_000;
export const SHARED_SERVER_ENV = {
  ADMIN_PASSWORD,
  SESSION_SECRET,
  COOKIE_SECURE: 'false',
  LEVEL_REQUESTS_PER_MINUTE: String(E2E_REQUEST_BUDGET),
  // Signed webhooks (the specs' own, and demo mode's simulator) would otherwise let the sync run
  // every 5 minutes as a safety net; specs rely on the 5 s sync.
  SYNC_WITH_WEBHOOKS_SECONDS: '0',
};

// E2E_PORT_BASE lets two checkouts run their suites side by side on one machine. `npm test` runs
// the suite as shards side by side (scripts/lib/e2e-shards.mjs): each shard (E2E_SHARD) has its own
// port base, servers, data and logs; screenshots from every shard land in one folder.
const base = Number(process.env.E2E_PORT_BASE ?? 3100);
const shard = process.env.E2E_SHARD;
export const ARTIFACTS = path.resolve(shard ? `e2e/.artifacts/shard-${shard}` : 'e2e/.artifacts');
export const SCREENSHOTS = path.resolve('e2e/.artifacts/screenshots');
export const ADMIN_STATE = path.join(ARTIFACTS, 'admin-state.json');
export const DEMO = {
  port: base,
  dataDir: path.join(ARTIFACTS, 'data-demo'),
  log: path.join(ARTIFACTS, 'server-demo.log'),
};
export const LIVE = {
  port: base + 1,
  dataDir: path.join(ARTIFACTS, 'data-live'),
  log: path.join(ARTIFACTS, 'server-live.log'),
};
export const SIMULATOR = { port: base + 1010, devices: 600 };
/** Ports for specs that start their own servers (replicas, durability). */
export const EXTRA_PORTS = [base + 310, base + 311, base + 312, base + 313];
export const SYNC_INTERVAL_SECONDS = 5;

export const demoUrl = `http://127.0.0.1:${DEMO.port}`;
export const liveUrl = `http://127.0.0.1:${LIVE.port}`;
export const simulatorOrigin = `http://127.0.0.1:${SIMULATOR.port}`;
