import type { Store } from '@/lib/db/open';
import { getEnv } from '@/lib/env';
import { fleetService, isSyncLeader } from '@/lib/fleet/instance';
import { logger, registerSecret } from '@/lib/logger';
import { publicUrl } from '@/lib/notify/public-url';
import { reportMailer } from '@/lib/reports/mailer';
import { startReportScheduler, type ReportScheduler } from '@/lib/reports/scheduler';
import 'server-only';

// Scheduled client reports at run time: the sync leader looks for due schedules every 30 s. The
// mailer is looked up for every report, so a channel the admin changes applies to the next one.

export function startReports(store: Store): ReportScheduler {
  const env = getEnv();
  if (env.SMTP_URL) {
    const password = decodeURIComponent(new URL(env.SMTP_URL).password);
    if (password) registerSecret(password);
  }
  return startReportScheduler(store, {
    isLeader: () => isSyncLeader(),
    snapshot: () => fleetService().current(),
    mailer: () => reportMailer(store, env),
    publicUrl,
    log: logger.child({ component: 'reports' }),
  });
}
