import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  ADMIN_PASSWORD,
  ARTIFACTS,
  DEMO,
  LEVEL_KEY,
  LEVEL_READONLY_KEY,
  LIVE,
  liveUrl,
  SESSION_SECRET,
  WEBHOOK_SECRET,
} from './support/env';
import { simulatorControl } from './support/simulator';

// Runs last (file order): everything the live server answered or printed during the run must be
// free of the Level API key.
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test('the Level API key never appears in responses, pages, bundles or logs; no Bearer, no limit > 100', async ({
  page,
  request,
}) => {
  const seen: string[] = [];
  page.on('response', async (response) => {
    const headers = JSON.stringify(response.headers());
    const body = await response.text().catch(() => '');
    seen.push(`${response.url()}\n${headers}\n${body}`);
  });
  // Not 'networkidle': the page's live stream (/api/events) is a request that never finishes.
  const summary = page.waitForResponse((response) => response.url().includes('/api/fleet/summary'));
  await page.goto(liveUrl);
  await summary;
  await page.waitForTimeout(1_000);
  for (const route of [
    '/api/health',
    '/api/fleet/summary',
    '/api/devices?limit=500',
    '/api/groups',
    '/api/alerts?status=all',
    '/api/metrics',
    '/api/devices/unknown',
    '/api/devices?limit=0',
  ]) {
    const response = await request.get(`${liveUrl}${route}`);
    seen.push(`${route}\n${JSON.stringify(response.headers())}\n${await response.text()}`);
  }
  const devices = await (await request.get(`${liveUrl}/api/devices?limit=3`)).json();
  for (const row of devices.data) {
    const response = await request.get(`${liveUrl}/api/devices/${row.id}`);
    seen.push(await response.text());
  }

  expect(seen.length).toBeGreaterThan(10);
  for (const text of seen) expect(text).not.toContain(LEVEL_KEY);
  for (const file of filesUnder(path.resolve('.next/static'))) {
    expect(readFileSync(file, 'utf8'), file).not.toContain(LEVEL_KEY);
  }
  const requests = await simulatorControl<{ violations: { bearer: number; limitOver100: number } }>(
    'live',
    'GET',
    '/_sim/requests',
  );
  expect(requests.violations).toEqual({ bearer: 0, limitOver100: 0 });
  const tokensFile = path.join(ARTIFACTS, 'share-tokens.txt');
  const tokens = existsSync(tokensFile) ? readFileSync(tokensFile, 'utf8').split('\n').filter(Boolean) : [];
  const secrets = [LEVEL_KEY, LEVEL_READONLY_KEY, ADMIN_PASSWORD, SESSION_SECRET, WEBHOOK_SECRET, ...tokens];
  for (const text of seen) for (const secret of secrets) expect(text).not.toContain(secret);
  for (const logFile of [LIVE.log, DEMO.log]) {
    const log = readFileSync(logFile, 'utf8');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(log, logFile).not.toContain(secret);
  }
});
