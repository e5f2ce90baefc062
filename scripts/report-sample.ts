// npm run report:sample — client reports from the demo fleet, as PDFs to look at.
//
// Starts the built-in simulator (the demo fleet: DEMO_DEVICES, default 500, seed 1), syncs it once
// into a fresh SQLite store, fetches its security posture and updates through the real posture
// sync, seeds last month's history with testing/report-history's deterministic demo history (outages,
// maintenance, workstations off at night, alerts, a two-hour gap in Levelboard's own coverage), and
// writes a daily posture sample per client whose patch compliance climbs to today's figure. Then it
// builds the report of the smallest and of the largest client and prints each PDF (A4, and Letter
// for the large one) to report-sample/, saying how long each render took and the peak RSS of the
// Chromium processes meanwhile.
import { migrate, openStore } from '@/lib/db/open';
import { deviceClassOf } from '@/lib/domain/device-class';
import type { PostureFigures } from '@/lib/domain/posture';
import { reportBrandingSchema } from '@/lib/domain/report-settings';
import { FleetService } from '@/lib/fleet/fleet-service';
import { createLevelClient } from '@/lib/level';
import { writePostureSamples } from '@/lib/posture/posture-store';
import { PostureSync } from '@/lib/posture/posture-sync';
import { readClientPosture } from '@/lib/posture/report-source';
import { buildClientReport } from '@/lib/reports/build-report';
import { closeReportBrowser, renderReportPdf } from '@/lib/reports/pdf';
import { monthPeriod, previousMonthKey } from '@/lib/reports/period';
import { reportFileName } from '@/lib/reports/report-for-access';
import { startSimulator } from '@/simulator';
import { demoHistory, seedReportHistory } from '@/testing/report-history';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const OUT = path.resolve(process.env.REPORT_SAMPLE_DIR ?? 'report-sample');
const DEVICES = Number(process.env.DEMO_DEVICES ?? 500);
const SEED = Number(process.env.DEMO_SEED ?? 1);
const KEY = 'report-sample-key-0123456789abcdef';
const DAY = 86_400_000;

const LOGO = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="48" viewBox="0 0 160 48"><rect width="48" height="48" rx="10" fill="#0f766e"/><path d="M12 34 L22 14 L28 26 L34 18 L38 34 Z" fill="#fff"/><text x="58" y="31" font-family="sans-serif" font-size="18" font-weight="700" fill="#0f766e">Northwind</text></svg>',
).toString('base64')}`;
const BRANDING = reportBrandingSchema.parse({
  name: 'Northwind IT Services',
  colour: '#0f766e',
  logoDataUrl: LOGO,
});

/** A process's proportional set size (shared pages split among their users), in bytes. */
function pss(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The memory of this process's descendants (Chromium's processes), in bytes: RSS summed (counts
 * the shared libraries once per process, so it overstates) and PSS summed (the fair share).
 */
function childrenMemory(): { rss: number; pss: number } {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // The process ended while being read.
    }
  }
  const total = { rss: 0, pss: 0 };
  for (const [pid, bytes] of rss) {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) {
      if (p === process.pid) {
        total.rss += bytes;
        total.pss += pss(pid);
        break;
      }
    }
  }
  return total;
}

async function measured<T>(work: () => Promise<T>) {
  const peak = { rss: 0, pss: 0 };
  const sample = () => {
    const now = childrenMemory();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.pss = Math.max(peak.pss, now.pss);
  };
  const timer = setInterval(sample, 50);
  try {
    const value = await work();
    sample();
    return { value, peak };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'levelboard-report-sample-'));
  const sim = await startSimulator({ devices: DEVICES, seed: SEED, apiKey: KEY, frozen: true, quiet: true });
  const store = openStore({ dataDir });
  try {
    await migrate(store);
    const level = createLevelClient({ baseUrl: sim.url, apiKey: KEY, requestsPerMinute: 1_000_000 });
    const fleet = new FleetService({ getClient: () => level, intervalMs: 60_000, requestCount: () => 0 });
    const snapshot = await fleet.syncNow();
    fleet.stop();
    if (!snapshot) throw new Error('the demo fleet did not sync');
    const now = Date.now();
    const periodKey = previousMonthKey(now, 'UTC');
    const period = monthPeriod(periodKey, 'UTC');
    console.log(
      `demo fleet: ${snapshot.devices.length} devices, ${snapshot.clientIds.length} clients; period ${periodKey}`,
    );

    const clientOf = new Map<number, string>();
    for (const clientId of snapshot.clientIds)
      for (const index of snapshot.subtreeDevices.get(clientId) ?? []) clientOf.set(index, clientId);
    const devices = snapshot.devices.map((d, index) => ({
      id: d.id,
      deviceClass: deviceClassOf(d.role),
      clientId: clientOf.get(index) ?? null,
    }));
    await seedReportHistory(store, demoHistory(devices, period, SEED));

    const ids = snapshot.devices.map((d) => d.id);
    const posture = new PostureSync({ store, client: () => level, deviceIds: () => ids, tickMs: DAY });
    const fetched = await posture.tick();
    console.log(
      `posture: security walk ${fetched.walked ? 'done' : 'skipped'}, updates of ${fetched.devicesFetched} devices`,
    );

    // A posture sample per client and day: today's figures, patch compliance climbing to them.
    const days = Math.round((period.end - period.start) / DAY);
    for (const clientId of snapshot.clientIds) {
      const { figures } = await readClientPosture(store, snapshot, clientId);
      for (let day = 0; day < days; day++) {
        const share = 0.55 + (0.45 * (day + 1)) / days;
        const sample: PostureFigures = {
          ...figures,
          fullyPatched: Math.round(figures.fullyPatched * share),
          securityScoreSum: Math.round(figures.securityScoreSum * (0.9 + (0.1 * (day + 1)) / days)),
        };
        await writePostureSamples(
          store,
          [{ scope: clientId, figures: sample }],
          period.start + day * DAY + 12 * 3_600_000,
        );
      }
    }

    const sized = snapshot.clientIds
      .map((id) => ({ id, devices: snapshot.subtreeDevices.get(id)?.length ?? 0 }))
      // "Small" is the smallest client with a handful of devices, so its report has something in it.
      .filter((c) => c.devices >= 5)
      .sort((a, b) => a.devices - b.devices);
    const picks = [
      { label: 'small', client: sized[0], papers: ['a4'] as const },
      { label: 'large', client: sized[sized.length - 1], papers: ['a4', 'letter'] as const },
    ];
    mkdirSync(OUT, { recursive: true });
    for (const { label, client, papers } of picks) {
      if (!client) continue;
      const report = await buildClientReport(store, snapshot, client.id, period, now);
      for (const paper of papers) {
        // Timed alone (sampling /proc costs CPU), then rendered again while its memory is sampled.
        const started = performance.now();
        const pdf = await renderReportPdf(report, BRANDING, { paper });
        const ms = performance.now() - started;
        const { peak } = await measured(() => renderReportPdf(report, BRANDING, { paper }));
        const file = path.join(OUT, reportFileName(report).replace(/\.pdf$/, `-${paper}.pdf`));
        writeFileSync(file, pdf);
        console.log(
          `${label} client "${report.clientName}" (${client.devices} devices, score ${report.score.score ?? '–'} ${report.score.band ?? ''}, ${report.incidentCount} incidents): ` +
            `${paper.toUpperCase()} ${(pdf.length / 1024).toFixed(0)} KB in ${ms.toFixed(0)} ms, Chromium peak PSS ${mb(peak.pss)} (RSS summed ${mb(peak.rss)}) → ${file}`,
        );
      }
    }
    console.log(
      `node RSS ${mb(process.memoryUsage().rss)}; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPUs`,
    );
  } finally {
    await closeReportBrowser();
    await store.close();
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
