import type { Paper } from '@/components/reports/report-css';
import type { ClientReport } from '@/lib/domain/client-report';
import type { ReportBranding } from '@/lib/domain/report-settings';
import { reportHtml } from '@/lib/reports/report-html';
import { chromium, type Browser } from 'playwright-core';
import 'server-only';

// PDFs through Chromium's print engine (playwright-core, the system Chromium at CHROMIUM_PATH): the
// same document and print CSS as the page. The markup is set directly (no URL, no session), scripts
// are off and every request is refused, so a logo or a device name cannot make the browser fetch.
//
// One browser is shared and closed after a minute idle: a monthly batch of reports pays the ~0.5 s
// launch once, and between batches no Chromium sits in memory. Two renders at most run at once;
// the rest wait, so a burst of "send now" cannot start ten renderers on a small box.

const IDLE_MS = 60_000;
const MAX_PARALLEL = 2;
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

let browser: Promise<Browser> | null = null;
let active = 0;
let idleTimer: NodeJS.Timeout | null = null;
const waiting: Array<() => void> = [];

export const chromiumExecutable = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function getBrowser(): Promise<Browser> {
  if (!browser) {
    const launched = chromium.launch({ executablePath: chromiumExecutable(), args: ARGS, headless: true });
    browser = launched;
    launched
      .then((b) =>
        b.on('disconnected', () => {
          if (browser === launched) browser = null;
        }),
      )
      .catch(() => {
        if (browser === launched) browser = null;
      });
  }
  return browser;
}

async function acquire(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  if (active >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  active += 1;
}

function release(): void {
  active -= 1;
  const next = waiting.shift();
  if (next) {
    next();
    return;
  }
  if (active === 0) {
    idleTimer = setTimeout(() => void closeReportBrowser(), IDLE_MS);
    idleTimer.unref();
  }
}

/** Closes the shared browser now (tests, shutdown); the next render launches another. */
export async function closeReportBrowser(): Promise<void> {
  const current = browser;
  browser = null;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  if (current) await (await current.catch(() => null))?.close().catch(() => {});
}

/** Renders a report to PDF through Chromium's print engine (A4 unless `paper` says Letter). */
export async function renderReportPdf(
  report: ClientReport,
  branding: ReportBranding,
  options: { paper?: Paper } = {},
): Promise<Buffer> {
  const paper = options.paper ?? 'a4';
  const html = reportHtml(report, branding, paper);
  await acquire();
  try {
    const context = await (await getBrowser()).newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({
        format: paper === 'letter' ? 'Letter' : 'A4',
        printBackground: true,
        preferCSSPageSize: false,
        margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8px;width:100%;padding:0 12mm;color:#64748b;display:flex;justify-content:space-between"><span>${escapeFooter(report.clientName)} · ${escapeFooter(report.periodLabel)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      });
      return Buffer.from(pdf);
    } finally {
      await context.close().catch(() => {});
    }
  } finally {
    release();
  }
}

const escapeFooter = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[c]!,
  );
