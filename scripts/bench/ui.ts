// bench:ui — the devices page at 10,000 devices in real Chromium: navigation → first rows,
// navigation → every row streamed in, keystroke in search → updated rows; plus the JS each page
// loads. Times are read inside the page (performance.now(), the next frame after the DOM
// changed), so they include fetching, React and layout. Run: npm run bench:ui
import { startSimulator } from '@/lib/level/simulator';
import { chromium, type Browser, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { machine, randomKey, requireBuild, startLevelboard } from './support';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAUSE = Number(process.env.BENCH_PAUSE ?? 250);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The same flags as playwright.config.ts.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

// Installed before any page script: records when rows first show, when all have streamed in, and
// when the table next shows the answer to a new search (the frame after React committed it).
const PROBE = `
window.__bench = { firstRows: null, allRows: null, answered: [] };
const stamp = (fn) => requestAnimationFrame(() => fn(performance.now()));
new MutationObserver(() => {
  const b = window.__bench;
  const table = document.querySelector('[data-testid="device-table"]');
  if (!table) return;
  if (b.firstRows === null && table.querySelector('[data-testid="device-row"]')) { b.firstRows = -1; stamp((t) => (b.firstRows = t)); }
  const total = Number(table.getAttribute('data-total'));
  if (b.allRows === null && total > 0 && Number(table.getAttribute('data-loaded')) === total && table.getAttribute('data-state') === 'ready') {
    b.allRows = -1; stamp((t) => (b.allRows = t));
  }
  const key = table.getAttribute('data-state') + ' ' + table.getAttribute('data-params');
  if (key !== b.lastKey) { b.lastKey = key; if (table.getAttribute('data-state') === 'ready') { const params = table.getAttribute('data-params'); stamp((t) => b.answered.push({ params, t })); } }
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-params', 'data-loaded'] });
window.addEventListener('keydown', () => { window.__bench.keyAt = performance.now(); }, true);
window.__bench.fetches = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name.includes('/api/devices?')) window.__bench.fetches.push({ url: e.name, start: e.startTime, end: e.responseEnd }); }).observe({ type: 'resource', buffered: true });
`;

interface Probe {
  firstRows: number | null;
  allRows: number | null;
  keyAt?: number;
  answered: { params: string; t: number }[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;
const probe = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);

async function loadTimes(browser: Browser, url: string) {
  const first: number[] = [];
  const all: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    // A fresh context per run: empty HTTP cache, as for a first visit.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(`${url}/devices`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => {
        const b = (window as unknown as { __bench?: Probe }).__bench;
        return b && (b.allRows ?? -1) > 0 && (b.firstRows ?? -1) > 0;
      },
      null,
      { timeout: 60_000 },
    );
    const result = await probe(page);
    first.push(result.firstRows ?? NaN);
    all.push(result.allRows ?? NaN);
    await context.close();
  }
  return { first, all };
}

async function keystrokeTimes(browser: Browser, url: string, term: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(`${url}/devices`);
  await page.waitForFunction(() => ((window as unknown as { __bench: Probe }).__bench.allRows ?? -1) > 0);
  const search = page.getByTestId('device-search');
  await search.focus();
  const fresh: number[] = [];
  const cached: number[] = [];
  const measure = async (key: string, expectedQ: string, into: number[]) => {
    const before = (await probe(page)).answered.length;
    await page.keyboard.press(key);
    const wanted = new URLSearchParams({ q: expectedQ }).toString();
    await page.waitForFunction(
      ({ before, wanted, expectedQ }) => {
        const b = (window as unknown as { __bench: Probe }).__bench;
        return b.answered
          .slice(before)
          .some((entry) =>
            expectedQ
              ? entry.params.includes(wanted + '&') || entry.params.endsWith(wanted)
              : !entry.params.includes('q='),
          );
      },
      { before, wanted, expectedQ },
      { timeout: 30_000 },
    );
    const result = await probe(page);
    const answer = result.answered
      .slice(before)
      .find((entry) =>
        expectedQ
          ? entry.params.includes(wanted + '&') || entry.params.endsWith(wanted)
          : !entry.params.includes('q='),
      );
    into.push((answer?.t ?? NaN) - (result.keyAt ?? NaN));
    if (process.env.BENCH_DEBUG) {
      const fetches = (
        result as unknown as { fetches: { url: string; start: number; end: number }[] }
      ).fetches.filter((f) => f.start >= (result.keyAt ?? 0) - 1);
      console.log(
        key,
        expectedQ,
        'total',
        ((answer?.t ?? NaN) - (result.keyAt ?? NaN)).toFixed(0),
        fetches
          .map(
            (f) =>
              `${decodeURIComponent(f.url.split('?')[1] ?? '').slice(0, 40)} start+${(f.start - (result.keyAt ?? 0)).toFixed(0)} dur ${(f.end - f.start).toFixed(0)}`,
          )
          .join(' | '),
        'paint after response',
        fetches[0] ? ((answer?.t ?? 0) - fetches[0].end).toFixed(0) : '',
      );
    }
    await page.waitForTimeout(PAUSE);
  };
  for (let i = 1; i <= term.length; i += 1) await measure(term[i - 1] ?? '', term.slice(0, i), fresh);
  for (let i = term.length - 1; i >= 0; i -= 1) await measure('Backspace', term.slice(0, i), cached);
  await context.close();
  return { fresh, cached };
}

/** First-load JS: the scripts named in each page's HTML; lazy JS: whatever the page fetched after. */
async function javascriptPerPage(browser: Browser, url: string, paths: Record<string, string>) {
  const rows: Record<string, Record<string, string>> = {};
  for (const [name, path] of Object.entries(paths)) {
    const html = await (await fetch(`${url}${path}`)).text();
    // noModule scripts (Next's legacy polyfills) are never fetched by a current browser.
    const initial = new Set(
      [...html.matchAll(/<script[^>]*src="([^"]+\.js)"[^>]*>/g)]
        .filter((match) => !/nomodule/i.test(match[0]))
        .map((match) => match[1] ?? ''),
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    const loaded = new Map<string, Buffer>();
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      loaded.set(new URL(response.url()).pathname, await response.body().catch(() => Buffer.alloc(0)));
    });
    await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1_500);
    await context.close();
    let firstRaw = 0;
    let firstGz = 0;
    let lazyGz = 0;
    for (const src of initial) {
      const body = loaded.get(src) ?? Buffer.from(await (await fetch(`${url}${src}`)).arrayBuffer());
      firstRaw += body.length;
      firstGz += gzipSync(body).length;
    }
    for (const [src, body] of loaded) if (!initial.has(src)) lazyGz += gzipSync(body).length;
    rows[name] = {
      'first-load JS (gzip)': `${(firstGz / 1024).toFixed(0)} kB`,
      'first-load JS (raw)': `${(firstRaw / 1024).toFixed(0)} kB`,
      'loaded later (gzip)': `${(lazyGz / 1024).toFixed(0)} kB`,
    };
  }
  return rows;
}

async function apiLatency(url: string, term: string) {
  const times: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const started = performance.now();
    const response = await fetch(`${url}/api/devices?q=${encodeURIComponent(term)}${i}&sort=name&limit=500`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  const started = performance.now();
  let cursor: string | null = null;
  let pages = 0;
  let bytes = 0;
  do {
    const response = await fetch(
      `${url}/api/devices?sort=name&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
    );
    const text: string = await response.text();
    bytes += text.length;
    cursor = (JSON.parse(text) as { nextCursor: string | null }).nextCursor;
    pages += 1;
  } while (cursor);
  return { search: median(times), fullList: performance.now() - started, pages, bytes };
}

async function main() {
  requireBuild();
  const apiKey = randomKey();
  const sim = await startSimulator({ devices: DEVICES, apiKey, frozen: true, quiet: true });
  const board = await startLevelboard({
    LEVEL_API_KEY: apiKey,
    LEVEL_API_URL: sim.url,
    SYNC_INTERVAL_SECONDS: '3600',
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const sample = (await (await fetch(`${board.url}/api/devices?sort=name&limit=500`)).json()) as {
      data: { id: string; hostname: string }[];
      total: number;
    };
    const term = (sample.data[321]?.hostname ?? 'acme').slice(0, 10).toLowerCase();
    const groups = (await (await fetch(`${board.url}/api/groups`)).json()) as { groups: { id: string }[] };

    console.log(
      `\nbench:ui — ${sample.total.toLocaleString('en-US')} devices, Chromium ${browser.version()}`,
    );
    console.log(`machine: ${machine()}\n`);
    await loadTimes(browser, board.url); // warm the server's per-snapshot caches and the OS page cache
    const load = await loadTimes(browser, board.url);
    const keys = await keystrokeTimes(browser, board.url, term);
    const api = await apiLatency(board.url, term);
    console.table({
      'navigation → first rows': {
        median: ms(median(load.first)),
        runs: load.first.map(ms).join(', '),
        goal: '< 1,500 ms',
      },
      [`navigation → all ${sample.total.toLocaleString('en-US')} rows`]: {
        median: ms(median(load.all)),
        runs: load.all.map(ms).join(', '),
        goal: '',
      },
      [`keystroke → updated rows (new search, "${term}" typed)`]: {
        median: ms(median(keys.fresh)),
        runs: keys.fresh.map(ms).join(', '),
        goal: '< 100 ms',
      },
      'keystroke → updated rows (backspace, cached)': {
        median: ms(median(keys.cached)),
        runs: keys.cached.map(ms).join(', '),
        goal: '< 100 ms',
      },
    });
    console.log(
      `API alone: /api/devices?q=… (500 rows) median ${ms(api.search)}; the full list = ${api.pages} pages, ${(api.bytes / 2 ** 20).toFixed(1)} MiB JSON, ${ms(api.fullList)}\n`,
    );
    const device = sample.data[0]?.id ?? '';
    const group = groups.groups[0]?.id ?? '';
    console.table(
      await javascriptPerPage(browser, board.url, {
        '/': '/',
        '/devices': '/devices',
        '/devices/[id]': `/devices/${device}`,
        '/groups': '/groups',
        '/groups/[id]': `/groups/${group}`,
        '/alerts': '/alerts',
      }),
    );
  } finally {
    await browser.close();
    await board.stop();
    await sim.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
