import { ReportDocument } from '@/components/reports/ReportDocument';
import type { ClientReport } from '@/lib/domain/client-report';
import { reportBrandingSchema } from '@/lib/domain/report-settings';
import { buildClientReport } from '@/lib/reports/build-report';
import { closeReportBrowser, renderReportPdf } from '@/lib/reports/pdf';
import { monthPeriod } from '@/lib/reports/period';
import { reportHtml } from '@/lib/reports/report-html';
import { renderStatic } from '@/lib/reports/static-markup';
import { NOW, reportFixtureSnapshot, seedReportFixture } from '@/testing/report-fixture';
import { openTestStore } from '@/testing/stores';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The PDF is printed by the system Chromium; its text is read back with poppler's pdftotext, so
// what is asserted is what a client reads. The figures are those of build-report.test.ts.

const branding = reportBrandingSchema.parse({ name: 'Northwind IT', colour: '#0f766e' });
let report: ClientReport;
let dir: string;

function pdfText(pdf: Buffer, name: string): { text: string; info: string } {
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { text: text.replace(/\s+/g, ' '), info };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'levelboard-report-pdf-'));
  const store = await openTestStore('sqlite');
  try {
    await seedReportFixture(store);
    report = await buildClientReport(
      store,
      reportFixtureSnapshot(),
      'c1',
      monthPeriod('2026-11', 'UTC'),
      NOW,
    );
  } finally {
    await store.close();
  }
}, 60_000);

afterAll(async () => {
  await closeReportBrowser();
  rmSync(dir, { recursive: true, force: true });
});

describe('the report PDF', () => {
  it('says the figures of the seeded month, on A4', async () => {
    const { text, info } = pdfText(await renderReportPdf(report, branding), 'a4.pdf');
    // A4 is 595 × 842 points.
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d*|Page size:\s+595\.\d* x 842/);
    for (const expected of [
      'Northwind IT',
      'Acme Dental',
      'November 2026',
      // Servers 84,750 ÷ 84,960 = 99.7528… % (shown floored to 3 decimals), target 99.9 % missed.
      '99.752 %',
      '99.9 %',
      'missed',
      // Workstations 51,000 ÷ 95,040 = 53.6616… %; all devices 135,750 ÷ 180,000 = 75.4166… %.
      '53.661 %',
      '75.416 %',
      // Incidents: ws3 all month (30 d, ongoing), ws1 14 h, srv1 3 h and 30 min.
      '30 d',
      '14 h',
      '3 h',
      '30 min',
      'ongoing',
      '4 alerts raised, 4 resolved',
      // Score 77, good; patching 2 of 4 = 50 %, 5 pending, oldest 1 Sep 2026.
      'Good',
      "servers' availability 99.752 %",
      'Fully patched (2 of 4)',

      'SRV1',
      'WS2',
      'Workstations offline for more than 30 days',
      // Devices that joined (lap7 on the 5th, ws1 moved in on the 8th) and left the client.
      'Removed in the period',
      'OLD-SRV Server 12 Nov 2026 Removed from Level',
      'LAP7 Workstation 18 Nov 2026 Removed from Level',
      'WS-MOVED Workstation 20 Nov 2026 Moved out of the client',
      'LAP7 Workstation 5 Nov 2026',
      'WS1 Workstation 8 Nov 2026',
    ])
      expect(text).toContain(expected);
    // ICU spells September "Sep" or "Sept" in en-GB depending on its version.
    expect(text).toMatch(/1 Sept? 2026/);
    expect(text).toMatch(/\b77\b/);
    for (const foreign of ['OTHER1', 'OTHER-GONE', 'OLD-OCT', 'DEC-GONE'])
      expect(text).not.toContain(foreign);
  }, 60_000);

  it('prints on Letter when asked', async () => {
    const { info, text } = pdfText(
      await renderReportPdf(report, branding, { paper: 'letter' }),
      'letter.pdf',
    );
    // Letter is 612 × 792 points.
    expect(info).toMatch(/Page size:\s+612 x 792/);
    expect(text).toContain('99.752 %');
  }, 60_000);
});

describe('the static markup', () => {
  it('is what react-dom/server renders', () => {
    const element = createElement(ReportDocument, { report, branding });
    expect(renderStatic(element)).toBe(renderToStaticMarkup(element));
  });

  it('escapes names: a device called <script> stays text', () => {
    const hostile = { ...report, clientName: '<script>alert(1)</script>' };
    const html = reportHtml(hostile, branding);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
