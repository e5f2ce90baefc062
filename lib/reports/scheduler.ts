import type { Store } from '@/lib/db/open';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { readClientReportSettings } from '@/lib/reports/client-settings';
import type { ReportMailer } from '@/lib/reports/mailer';
import { periodOfRun } from '@/lib/reports/schedule';
import { claimRun, dueSchedules } from '@/lib/reports/schedule-store';
import { sendReport, type SendReportDeps } from '@/lib/reports/send-report';
import 'server-only';

// Scheduled reports: a loop that looks for due schedules only while this replica leads (the sync
// leader). Leading is not what stops a report going out twice: each run is taken with a
// conditional UPDATE of `next_run_at` (lib/reports/schedule-store.ts claimRun), so two schedulers
// at once — a hand-over, a split brain, a test — send each due report once.
// A run missed while nothing was running is sent once when the loop next looks (for the period of
// the run it missed), and the schedule moves on to its next run after now.

export interface ReportSchedulerOptions {
  isLeader: () => boolean;
  snapshot: () => FleetSnapshot | null;
  mailer: () => Promise<ReportMailer | null>;
  publicUrl: () => string;
  now?: () => number;
  intervalMs?: number;
  produce?: SendReportDeps['produce'];
  log: { info(fields: object, message: string): void; warn(fields: object, message: string): void };
}

export interface ReportScheduler {
  /** One look now, resolved when its reports are sent (tests; "run due now"). */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function startReportScheduler(store: Store, options: ReportSchedulerOptions): ReportScheduler {
  const now = options.now ?? Date.now;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;

  const round = async (): Promise<number> => {
    if (!options.isLeader()) return 0;
    // Before the first sync there is no fleet to report on; the runs wait for it.
    const snapshot = options.snapshot();
    if (!snapshot) return 0;
    let sent = 0;
    for (const schedule of await dueSchedules(store, now())) {
      if (stopped || !options.isLeader()) break;
      const scheduledAt = schedule.nextRunAt;
      if (scheduledAt === null || !(await claimRun(store, schedule, now()))) continue;
      const { definition } = schedule;
      try {
        // The schedule's zone says when it runs; the period is the client's, as the report, the
        // archive and "send now" have it.
        const { timeZone } = await readClientReportSettings(store, schedule.clientId);
        const row = await sendReport(
          store,
          {
            clientId: schedule.clientId,
            period: periodOfRun({ period: definition.period, timeZone }, scheduledAt),
            delivery: definition.delivery,
            recipients: definition.recipients,
            linkDays: definition.linkDays,
            trigger: 'schedule',
            scheduleId: schedule.id,
          },
          {
            snapshot,
            mailer: await options.mailer(),
            publicUrl: options.publicUrl(),
            now: now(),
            produce: options.produce,
          },
        );
        sent += 1;
        options.log.info(
          { scheduleId: schedule.id, clientId: schedule.clientId, archiveId: row.id, status: row.status },
          'Scheduled report',
        );
      } catch (error) {
        // The run is taken: it is not retried by itself (the admin sends it from the hub).
        options.log.warn(
          { scheduleId: schedule.id, clientId: schedule.clientId, error: String(error) },
          'Scheduled report could not be generated',
        );
      }
    }
    return sent;
  };

  const run = (): Promise<number> => {
    if (stopped) return Promise.resolve(0);
    running ??= round()
      .catch((error: unknown) => {
        options.log.warn({ error: String(error) }, 'Report schedule round failed; retrying');
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const tick = () => {
    if (stopped) return;
    timer = setTimeout(() => void run().finally(tick), options.intervalMs ?? 30_000);
    timer.unref();
  };
  tick();

  return {
    runOnce: async () => {
      if (running) await running;
      return run();
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      if (running) await running;
    },
  };
}
