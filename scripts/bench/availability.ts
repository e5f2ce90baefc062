// bench:availability — what one client's availability costs: 2,000 devices (200 servers, 1,800
// workstations going off most nights) over a calendar month, seeded with testing/report-history's
// demo history (about 40,000 transitions) and a sync every 30 s for the whole month (86,400
// sync_log rows: heavier than production, where a month-old period reads 5-minute rollups).
// Times computeClientAvailability for all hours and business hours, on each engine.
// Run: npm run bench:availability   env: BENCH_ENGINES (default sqlite,postgres), BENCH_DEVICES.
import { DEFAULT_CLIENT_REPORT_SETTINGS } from '@/lib/domain/report-settings';
import { computeClientAvailability } from '@/lib/reports/availability';
import { demoHistory, seedReportHistory } from '@/testing/report-history';
import { openBenchStore, stopBenchPostgres, type Engine } from './history-stores';
import { machine } from './support';

const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').filter(Boolean) as Engine[];
const DEVICES = Number(process.env.BENCH_DEVICES ?? 2000);
const PERIOD = { start: Date.UTC(2026, 5, 1), end: Date.UTC(2026, 6, 1) };

async function main() {
  console.log(machine());
  const devices = Array.from({ length: DEVICES }, (_, i) => ({
    id: `dev-${i}`,
    name: `DEV-${i}`,
    deviceClass: i % 10 === 0 ? ('server' as const) : ('workstation' as const),
  }));
  const history = demoHistory(devices, PERIOD);
  history.coverage.everyMs = 30_000;
  const transitions = history.devices.reduce((sum, device) => sum + (device.changes?.length ?? 0), 0);
  console.log(`${DEVICES} devices, ${transitions} transitions, a month of syncs every 30 s`);
  for (const engine of ENGINES) {
    const store = await openBenchStore(engine, `bench_availability_${Date.now() % 100000}`);
    try {
      await seedReportHistory(store, history);
      for (const hours of ['all', 'business'] as const) {
        const times: number[] = [];
        for (let run = 0; run < 5; run++) {
          const started = performance.now();
          await computeClientAvailability(store, {
            clientId: 'bench',
            devices,
            period: PERIOD,
            hours,
            settings: { ...DEFAULT_CLIENT_REPORT_SETTINGS, timeZone: 'Europe/Berlin' },
            now: PERIOD.end + 86_400_000,
          });
          times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        console.log(
          `${engine} ${hours}: median ${times[2]!.toFixed(0)} ms, worst ${times[4]!.toFixed(0)} ms (5 runs)`,
        );
      }
    } finally {
      await store.dispose();
    }
  }
  stopBenchPostgres();
}

main().catch((error: unknown) => {
  console.error(error);
  stopBenchPostgres();
  process.exit(1);
});
