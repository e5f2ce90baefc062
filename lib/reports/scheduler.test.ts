import { openStore, type Store } from '@/lib/db/open';
import { DEFAULT_CLIENT_REPORT_SETTINGS } from '@/lib/domain/report-settings';
import { listArchive } from '@/lib/reports/archive-store';
import { writeClientReportSettings } from '@/lib/reports/client-settings';
import { reportMailer } from '@/lib/reports/mailer';
import { monthPeriod } from '@/lib/reports/period';
import { createSchedule, getSchedule } from '@/lib/reports/schedule-store';
import { startReportScheduler, type ReportScheduler } from '@/lib/reports/scheduler';
import { startSmtpReceiver, type SmtpReceiver } from '@/testing/notify-receivers';
import { reportFixtureSnapshot, seedReportFixture } from '@/testing/report-fixture';
import { openTestStore } from '@/testing/stores';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Two replicas on one PostgreSQL database, each with its own connection pool and its own
// scheduler that believes it leads (a hand-over, a split brain): a due report goes out once.

const QUIET = { info: () => {}, warn: () => {} };
let smtp: SmtpReceiver;
let first: Awaited<ReturnType<typeof openTestStore>>;
let second: Store;

beforeAll(async () => {
  smtp = await startSmtpReceiver({ noStartTls: true });
  first = await openTestStore('postgres');
  second = openStore({ databaseUrl: first.databaseUrl, dataDir: first.dataDir });
  await seedReportFixture(first);
}, 60_000);
afterAll(async () => {
  await second.close();
  await first.close();
  await smtp.close();
});

function scheduler(store: Store, now: () => number): ReportScheduler {
  return startReportScheduler(store, {
    isLeader: () => true,
    snapshot: () => reportFixtureSnapshot(),
    mailer: () => reportMailer(store, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }),
    publicUrl: () => 'https://lb.example',
    now,
    intervalMs: 3_600_000,
    log: QUIET,
  });
}

describe('report scheduler on PostgreSQL', () => {
  it('two schedulers send a due report once, for the month before the run, and move to the next run', async () => {
    // Monthly on the 4th at 08:00 Berlin time, made on 1 December: the run is
    // 2026-12-04 08:00 CET (+1) = 07:00 Z.
    const schedule = await createSchedule(
      first,
      {
        clientId: 'c1',
        definition: {
          dayOfMonth: 4,
          time: '08:00',
          timeZone: 'Europe/Berlin',
          period: 'previous_month',
          delivery: 'attachment',
          recipients: ['it@acme.example'],
          linkDays: 30,
        },
        enabled: true,
      },
      Date.parse('2026-12-01T00:00:00Z'),
    );
    // The period is the client's month (its zone), not the schedule's: the client is in Berlin too.
    await writeClientReportSettings(
      first,
      'c1',
      { ...DEFAULT_CLIENT_REPORT_SETTINGS, timeZone: 'Europe/Berlin' },
      Date.parse('2026-12-01T00:00:00Z'),
    );
    const run = Date.parse('2026-12-04T07:00:00Z');
    expect(schedule.nextRunAt).toBe(run);

    let clock = run - 60_000;
    const a = scheduler(first, () => clock);
    const b = scheduler(second, () => clock);
    try {
      // Not yet due: nothing.
      expect(await Promise.all([a.runOnce(), b.runOnce()])).toEqual([0, 0]);
      // Due: both look at once, several times over; one report leaves.
      clock = run + 5_000;
      const rounds = await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
      expect(rounds.reduce((sum, sent) => sum + sent, 0)).toBe(1);
      expect(await Promise.all([a.runOnce(), b.runOnce()])).toEqual([0, 0]);
    } finally {
      await a.stop();
      await b.stop();
    }

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual(['it@acme.example']);
    const archive = await listArchive(first, { clientId: 'c1', limit: 10 });
    expect(archive).toHaveLength(1);
    // November in Berlin: 11-01 00:00 CET = 10-31 23:00 Z … 12-01 00:00 CET = 11-30 23:00 Z.
    expect(archive[0]).toMatchObject({
      trigger: 'schedule',
      scheduleId: schedule.id,
      status: 'sent',
      period: monthPeriod('2026-11', 'Europe/Berlin'),
    });
    expect(archive[0]?.period).toEqual({
      start: Date.parse('2026-10-31T23:00:00Z'),
      end: Date.parse('2026-11-30T23:00:00Z'),
    });
    // Next: 2027-01-04 08:00 CET = 07:00 Z.
    expect(await getSchedule(second, schedule.id)).toMatchObject({
      lastRunAt: run,
      nextRunAt: Date.parse('2027-01-04T07:00:00Z'),
    });
  }, 120_000);
});
