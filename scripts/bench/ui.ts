// bench:ui — the devices page at 10,000 devices in real Chromium: navigation → first rows,
// navigation → every row streamed in, keystroke in search → updated rows; plus the JS each page
// loads. Times are read inside the page (performance.now(), the next frame after the DOM
// changed), so they include fetching, React and layout. Run: npm run bench:ui
// Every browser context is signed in (the admin's cookie, or a share-link viewer's, added to the
// context); the load is measured as both. Any /api/ answer in a page other than 200/304 fails the
// run, as does any API-only request not answered 200 — a page of 401s draws no rows worth timing.
import { startSimulator } from '@/simulator';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium-launch';
import {
  getAs,
  openShareLink,
  sabotageIfAsked,
  signInAsAdmin,
  SMOKE,
  StatusTally,
  UnexpectedStatus,
  type BenchSession,
} from './sessions';
import { machine, randomKey, requireBuild, startLevelboard } from './support';

const DEVICES = Number(process.env.BENCH_DEVICES ?? (SMOKE ? 300 : 10_000));
const RUNS = Number(process.env.BENCH_RUNS ?? (SMOKE ? 1 : 5));
const PAUSE = Number(process.env.BENCH_PAUSE ?? (SMOKE ? 50 : 250));
/** Characters of a hostname typed into the search (then erased one by one). */
const TERM_LENGTH = SMOKE ? 3 : 10;
const API_SEARCHES = SMOKE ? 3 : 20;
const ALLOWED = [200, 304] as const;
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

/** A context carrying a session's cookie, as a browser that signed in or opened the link would. */
async function signedInContext(
  browser: Browser,
  session: BenchSession,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  const [name = '', ...value] = session.cookie.split('=');
  await context.addCookies([
    { name, value: value.join('='), domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  return context;
}

/** The /api/ answers the pages of one measurement got: statuses and bytes on the wire. */
class ApiAnswers {
  readonly statuses = new StatusTally();
  private bytes = 0;
  private pending: Promise<void>[] = [];
  private rejectBroken: (error: Error) => void = () => {};
  private failure: Error | null = null;
  /** Rejects at the first answer not 200/304, so a wait for rows ends with the status, not a timeout. */
  readonly broken = new Promise<never>((_, reject) => (this.rejectBroken = reject));

  constructor(readonly session: BenchSession) {
    this.broken.catch(() => {}); // awaited through until(); not every measurement races it
  }

  watch(page: Page): void {
    const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
    page.on('response', (response) => {
      if (!isApi(response.url())) return;
      this.statuses.add(response.status());
      if (!ALLOWED.includes(response.status() as (typeof ALLOWED)[number])) {
        this.failure ??= new UnexpectedStatus(
          `${new URL(response.url()).pathname} in the page as ${this.session.label}`,
          response.status(),
          ALLOWED,
        );
        this.rejectBroken(this.failure);
      }
    });
    page.on('requestfinished', (request) => {
      if (!isApi(request.url())) return;
      this.pending.push(
        request.sizes().then(
          (sizes) => void (this.bytes += sizes.responseBodySize),
          () => undefined,
        ),
      );
    });
  }

  /** Waits for `what`, or fails at once on a bad answer. */
  until<T>(what: Promise<T>): Promise<T> {
    return Promise.race([what, this.broken]);
  }

  /** Throws the first bad answer, if any came (also one after the last wait). */
  check(): void {
    if (this.failure) throw this.failure;
  }

  /** Waits for the sizes of the answers so far; before a context closes, which would lose them. */
  async settle(): Promise<void> {
    await Promise.all(this.pending);
  }

  columns() {
    return {
      as: this.session.label,
      'API statuses': this.statuses.toString(),
      'API body (wire)': `${(this.bytes / 1024).toFixed(0)} kB`,
    };
  }
}

/** Opens `path` in the page and fails if the session was not let in (a redirect to sign-in). */
/**
 * Playwright's 'networkidle' minus the page's live stream (/api/events, an EventSource request
 * that never finishes): resolves once no other request has been in flight for 500 ms.
 */
function watchNetwork(page: Page, quietMs = 500, timeoutMs = 60_000) {
  const inFlight = new Set<Request>();
  let changedAt = Date.now();
  page.on('request', (request) => {
    if (request.resourceType() === 'eventsource') return;
    inFlight.add(request);
    changedAt = Date.now();
  });
  const done = (request: Request) => {
    if (inFlight.delete(request)) changedAt = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    async quiet(): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (inFlight.size > 0 || Date.now() - changedAt < quietMs) {
        if (Date.now() > deadline)
          throw new Error(`the network never went quiet (${inFlight.size} in flight)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

async function open(
  page: Page,
  url: string,
  path: string,
  answers: ApiAnswers,
  waitUntil: 'commit' | 'load',
) {
  const response = await answers.until(page.goto(`${url}${path}`, { waitUntil }));
  const landed = new URL(page.url()).pathname;
  if (landed === path.split('?')[0]) return;
  // The status that sent it elsewhere: the first answer of the redirect chain.
  let request = response?.request() ?? null;
  while (request?.redirectedFrom()) request = request.redirectedFrom();
  const status = (await request?.response())?.status() ?? 'none';
  throw new UnexpectedStatus(`${path} as ${answers.session.label} (it went to ${landed})`, status, [200]);
}

async function loadTimes(browser: Browser, url: string, session: BenchSession, runs = RUNS) {
  const first: number[] = [];
  const all: number[] = [];
  const answers = new ApiAnswers(session);
  for (let run = 0; run < runs; run += 1) {
    // A fresh context per run: empty HTTP cache, as for a first visit.
    const context = await signedInContext(browser, session, { viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    answers.watch(page);
    await page.addInitScript(PROBE);
    await open(page, url, '/devices', answers, 'commit');
    await answers.until(
      page.waitForFunction(
        () => {
          const b = (window as unknown as { __bench?: Probe }).__bench;
          return b && (b.allRows ?? -1) > 0 && (b.firstRows ?? -1) > 0;
        },
        null,
        { timeout: 60_000 },
      ),
    );
    const result = await probe(page);
    first.push(result.firstRows ?? NaN);
    all.push(result.allRows ?? NaN);
    await answers.settle();
    await context.close();
  }
  return { first, all, answers };
}

async function keystrokeTimes(browser: Browser, url: string, session: BenchSession, term: string) {
  const answers = new ApiAnswers(session);
  const context = await signedInContext(browser, session, { viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  answers.watch(page);
  await page.addInitScript(PROBE);
  await open(page, url, '/devices', answers, 'load');
  await answers.until(
    page.waitForFunction(() => ((window as unknown as { __bench: Probe }).__bench.allRows ?? -1) > 0),
  );
  const search = page.getByTestId('device-search');
  await search.focus();
  const fresh: number[] = [];
  const cached: number[] = [];
  const measure = async (key: string, expectedQ: string, into: number[]) => {
    const before = (await probe(page)).answered.length;
    await page.keyboard.press(key);
    const wanted = new URLSearchParams({ q: expectedQ }).toString();
    const answered = page.waitForFunction(
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
    await answers.until(answered);
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
  await answers.settle();
  await context.close();
  return { fresh, cached, answers };
}

/** First-load JS: the scripts named in each page's HTML; lazy JS: whatever the page fetched after. */
async function javascriptPerPage(
  browser: Browser,
  url: string,
  admin: BenchSession,
  paths: Record<string, string>,
) {
  const rows: Record<string, Record<string, string>> = {};
  for (const [name, path] of Object.entries(paths)) {
    const html = await (await getAs(`${url}${path}`, admin)).text();
    // noModule scripts (Next's legacy polyfills) are never fetched by a current browser.
    const initial = new Set(
      [...html.matchAll(/<script[^>]*src="([^"]+\.js)"[^>]*>/g)]
        .filter((match) => !/nomodule/i.test(match[0]))
        .map((match) => match[1] ?? ''),
    );
    const context = await signedInContext(browser, admin);
    const page = await context.newPage();
    const answers = new ApiAnswers(admin);
    answers.watch(page);
    const loaded = new Map<string, Buffer>();
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      loaded.set(new URL(response.url()).pathname, await response.body().catch(() => Buffer.alloc(0)));
    });
    const network = watchNetwork(page);
    await open(page, url, path, answers, 'load');
    await answers.until(network.quiet());
    await page.waitForTimeout(SMOKE ? 300 : 1_500);
    await answers.settle();
    await context.close();
    let firstRaw = 0;
    let firstGz = 0;
    let lazyGz = 0;
    for (const src of initial) {
      const body = loaded.get(src) ?? Buffer.from(await (await getAs(`${url}${src}`, admin)).arrayBuffer());
      firstRaw += body.length;
      firstGz += gzipSync(body).length;
    }
    for (const [src, body] of loaded) if (!initial.has(src)) lazyGz += gzipSync(body).length;
    rows[name] = {
      'first-load JS (gzip)': `${(firstGz / 1024).toFixed(0)} kB`,
      'first-load JS (raw)': `${(firstRaw / 1024).toFixed(0)} kB`,
      'loaded later (gzip)': `${(lazyGz / 1024).toFixed(0)} kB`,
      ...answers.columns(),
    };
    // A page whose own requests failed loaded other JS than a working page would.
    answers.check();
  }
  return rows;
}

/** API alone, as the admin: getAs fails the run on any status but 200. */
async function apiLatency(url: string, admin: BenchSession, term: string) {
  const times: number[] = [];
  const statuses = new StatusTally();
  for (let i = 0; i < API_SEARCHES; i += 1) {
    const started = performance.now();
    const response = await getAs(
      `${url}/api/devices?q=${encodeURIComponent(term)}${i}&sort=name&limit=500`,
      admin,
      { headers: { 'Accept-Encoding': 'gzip' } },
    );
    await response.arrayBuffer();
    statuses.add(response.status);
    times.push(performance.now() - started);
  }
  const started = performance.now();
  let cursor: string | null = null;
  let pages = 0;
  let bytes = 0;
  do {
    const response = await getAs(
      `${url}/api/devices?sort=name&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      admin,
    );
    statuses.add(response.status);
    const text: string = await response.text();
    bytes += text.length;
    cursor = (JSON.parse(text) as { nextCursor: string | null }).nextCursor;
    pages += 1;
  } while (cursor);
  return { search: median(times), fullList: performance.now() - started, pages, bytes, statuses };
}

async function main() {
  requireBuild();
  const apiKey = randomKey();
  const sim = await startSimulator({ devices: DEVICES, apiKey, frozen: true, quiet: true });
  const board = await startLevelboard({
    LEVEL_API_KEY: apiKey,
    LEVEL_API_URL: sim.url,
    SYNC_INTERVAL_SECONDS: '3600',
    // The browser talks plain http to 127.0.0.1: a refreshed admin cookie must not be Secure-only.
    COOKIE_SECURE: 'false',
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const admin = await signInAsAdmin(board.url);
    const viewer = await openShareLink(board.url, admin);
    const sample = (await (await getAs(`${board.url}/api/devices?sort=name&limit=500`, admin)).json()) as {
      data: { id: string; hostname: string }[];
      total: number;
    };
    const term = (sample.data[Math.min(321, sample.data.length - 1)]?.hostname ?? 'acme')
      .slice(0, TERM_LENGTH)
      .toLowerCase();
    const groups = (await (await getAs(`${board.url}/api/groups`, admin)).json()) as {
      groups: { id: string }[];
    };

    console.log(
      `\nbench:ui — ${sample.total.toLocaleString('en-US')} devices, Chromium ${browser.version()}${SMOKE ? ' (smoke: correctness only)' : ''}`,
    );
    console.log(`machine: ${machine()}\n`);
    await sabotageIfAsked(board.url, admin, [viewer.linkId]);
    // Warm the server's per-snapshot caches and the OS page cache (not worth it in a smoke run).
    if (!SMOKE) await loadTimes(browser, board.url, admin);
    const loads = [await loadTimes(browser, board.url, admin), await loadTimes(browser, board.url, viewer)];
    const keys = await keystrokeTimes(browser, board.url, admin, term);
    const api = await apiLatency(board.url, admin, term);
    const rows: Record<string, Record<string, string>> = {};
    const total = sample.total.toLocaleString('en-US');
    for (const load of loads) {
      const who = load.answers.session.label;
      const columns = load.answers.columns();
      rows[`navigation → first rows (${who})`] = {
        median: ms(median(load.first)),
        runs: load.first.map(ms).join(', '),
        goal: '< 1,500 ms',
        ...columns,
      };
      rows[`navigation → all ${total} rows (${who})`] = {
        median: ms(median(load.all)),
        runs: load.all.map(ms).join(', '),
        goal: '',
        ...columns,
      };
    }
    const keyColumns = keys.answers.columns();
    rows[`keystroke → updated rows (new search, "${term}" typed; ${admin.label})`] = {
      median: ms(median(keys.fresh)),
      runs: keys.fresh.map(ms).join(', '),
      goal: '< 100 ms',
      ...keyColumns,
    };
    rows[`keystroke → updated rows (backspace, cached; ${admin.label})`] = {
      median: ms(median(keys.cached)),
      runs: keys.cached.map(ms).join(', '),
      goal: '< 100 ms',
      ...keyColumns,
    };
    console.table(rows);
    console.log(
      `API alone (${admin.label}; ${api.statuses}): /api/devices?q=… (500 rows) median ${ms(api.search)}; the full list = ${api.pages} pages, ${(api.bytes / 2 ** 20).toFixed(1)} MiB JSON, ${ms(api.fullList)}\n`,
    );
    const device = sample.data[0]?.id ?? '';
    const group = groups.groups[0]?.id ?? '';
    // The smoke run keeps one page: it proves the signed-in JS measurement works, not its sizes.
    const pages: Record<string, string> = SMOKE
      ? { '/devices': '/devices' }
      : {
          '/': '/',
          '/devices': '/devices',
          '/devices/[id]': `/devices/${device}`,
          '/groups': '/groups',
          '/groups/[id]': `/groups/${group}`,
          '/alerts': '/alerts',
        };
    console.table(await javascriptPerPage(browser, board.url, admin, pages));
    // Every page's answers were judged as they came (until()); this also catches answers that
    // came after a measurement stopped waiting.
    for (const answers of [...loads.map((load) => load.answers), keys.answers])
      answers.statuses.assertOnly(`/api/ answers in the page as ${answers.session.label}`, ALLOWED);
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
