// The report's own stylesheet, inlined with the document so the page, the report link and the PDF
// look alike without the app's CSS (the PDF is rendered from markup alone, no network). Scoped to
// `.lb-report`. The report is a sheet of paper: light in the app's dark theme too, so what a client
// prints or receives is what the page shows, and the MSP's colour is only ever judged against white.

/** Relative luminance of #rrggbb (WCAG 2.1). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Contrast of #rrggbb against white. */
export const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

/**
 * The brand colour for text: itself when it reads on white (4.5:1), else darkened step by step
 * until it does, so a pale brand colour still gives a legible name and headings.
 */
export function readableAccent(hex: string): string {
  let [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const toHex = () => `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
  for (let i = 0; i < 40 && contrastOnWhite(toHex()) < 4.5; i++) {
    r *= 0.92;
    g *= 0.92;
    b *= 0.92;
  }
  return toHex();
}

export type Paper = 'a4' | 'letter';

export function reportCss(accent: string, paper: Paper): string {
  return `
@page { size: ${paper === 'letter' ? 'Letter' : 'A4'}; margin: 14mm 12mm 16mm; }
.lb-report { --accent: ${accent}; --accent-text: ${readableAccent(accent)}; --ink: #0f172a; --muted: #475569; --line: #e2e8f0; --paper: #ffffff;
  --soft: #f8fafc; --good: #15803d; --warn: #b45309; --bad: #b91c1c;
  color: var(--ink); background: var(--paper); font-family: 'Inter Variable', Inter, 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif;
  font-size: 13px; line-height: 1.45; max-width: 960px; margin: 0 auto; padding: 28px 32px; box-sizing: border-box; }
.lb-report *, .lb-report *::before, .lb-report *::after { box-sizing: border-box; }
.lb-report h1 { font-size: 24px; margin: 0; line-height: 1.2; }
.lb-report h2 { font-size: 17px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
.lb-report h3 { font-size: 14px; margin: 14px 0 6px; }
.lb-report p { margin: 4px 0; }
.lb-report .muted { color: var(--muted); }
.lb-report .small { font-size: 11px; }
.lb-report .masthead { display: flex; align-items: center; justify-content: space-between; gap: 16px;
  border-top: 6px solid var(--accent); padding-top: 14px; margin-bottom: 18px; }
.lb-report .brand { display: flex; align-items: center; gap: 12px; }
.lb-report .brand img { max-height: 48px; max-width: 180px; object-fit: contain; }
.lb-report .brand-name { font-size: 15px; font-weight: 600; color: var(--accent-text); }
.lb-report .meta { text-align: right; }
.lb-report section { margin: 0 0 22px; }
.lb-report .tiles { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 8px; }
.lb-report .tile { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; background: var(--soft); }
.lb-report .tile .value { font-size: 19px; font-weight: 700; }
.lb-report .tile .label { font-size: 11px; color: var(--muted); }
.lb-report .summary { display: flex; gap: 18px; align-items: flex-start; margin-bottom: 12px; }
.lb-report .score { flex: none; width: 150px; text-align: center; }
.lb-report .score .band { font-weight: 700; font-size: 14px; }
.lb-report .grow { flex: 1; min-width: 0; }
.lb-report table { width: 100%; border-collapse: collapse; margin: 6px 0 4px; font-size: 12px; }
.lb-report th, .lb-report td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
.lb-report th { font-weight: 600; color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .02em; }
.lb-report td.num, .lb-report th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.lb-report .ok { color: var(--good); font-weight: 600; }
.lb-report .warn { color: var(--warn); font-weight: 600; }
.lb-report .bad { color: var(--bad); font-weight: 600; }
.lb-report .charts { display: flex; flex-wrap: wrap; gap: 16px; }
.lb-report svg { display: block; max-width: 100%; height: auto; }
.lb-report svg text { fill: var(--muted); font-size: 11px; font-family: inherit; }
.lb-report .empty { color: var(--muted); font-style: italic; }
.lb-report .footnote { border-top: 1px solid var(--line); padding-top: 10px; font-size: 10.5px; color: var(--muted); }
.lb-report .footnote p { margin: 3px 0; }
.lb-report .cols { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
@media (max-width: 640px) {
  .lb-report { padding: 16px 12px; font-size: 12px; }
  .lb-report .tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .lb-report .summary, .lb-report .masthead { flex-direction: column; align-items: stretch; }
  .lb-report .meta { text-align: left; }
  .lb-report .cols { grid-template-columns: 1fr; }
  .lb-report .wide { overflow-x: auto; }
}
@media print {
  .lb-report { --line: #cbd5e1; max-width: none; padding: 0; font-size: 11.5px;
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .lb-report section { break-inside: auto; }
  .lb-report section.page { break-before: page; }
  .lb-report h2, .lb-report h3 { break-after: avoid; }
  .lb-report tr, .lb-report .tile, .lb-report .footnote, .lb-report svg, .lb-report .summary, .lb-report .keep { break-inside: avoid; }
  .lb-report thead { display: table-header-group; }
  .lb-report .tiles { grid-template-columns: repeat(5, minmax(0, 1fr)); }
  .lb-report .cols { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
`;
}
