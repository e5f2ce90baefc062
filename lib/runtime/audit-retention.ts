import { pruneAudit } from '@/lib/auth/audit';
import type { Store } from '@/lib/db/open';
import { logger } from '@/lib/logger';
import 'server-only';

const PRUNE_EVERY_MS = 60 * 60_000;

/** Drops audit entries past AUDIT_RETENTION_DAYS: once at start, then hourly, on the sync leader only. */
export function startAuditRetention(store: Store, retentionDays: number, isLeader: () => boolean): void {
  const log = logger.child({ component: 'audit' });
  const run = () => {
    if (!isLeader()) return;
    pruneAudit(store, retentionDays).then(
      (deleted) => deleted > 0 && log.info({ deleted, retentionDays }, 'Old audit entries pruned'),
      (error: unknown) => log.warn({ error: String(error) }, 'Audit pruning failed'),
    );
  };
  setTimeout(run, 5_000).unref();
  setInterval(run, PRUNE_EVERY_MS).unref();
}
