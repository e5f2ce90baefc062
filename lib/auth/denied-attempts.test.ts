import { listAudit, pruneAudit } from '@/lib/auth/audit';
import { DeniedAttemptLog } from '@/lib/auth/denied-attempts';
import { ENGINES, openTestStore } from '@/testing/stores';
import { describe, expect, it } from 'vitest';

const DAY = 86_400_000;

describe.each(ENGINES)('refused sign-ins in the audit log on %s', (engine) => {
  it('a flood from one address is one row per minute with the count, not a row per attempt', async () => {
    const store = await openTestStore(engine);
    try {
      let now = 1_800_000_000_000;
      const log = new DeniedAttemptLog(store, () => now);
      for (let i = 0; i < 2_000; i += 1) await log.record('198.51.100.7');
      await log.record('203.0.113.9');
      await log.flush();
      let rows = await listAudit(store);
      expect(rows.map((row) => [row.ip, row.result, row.detail])).toEqual([
        ['203.0.113.9', 'denied', { reason: 'rate_limited', attempts: 1, windowSeconds: 60 }],
        ['198.51.100.7', 'denied', { reason: 'rate_limited', attempts: 2_000, windowSeconds: 60 }],
      ]);
      now += 60_000;
      for (let i = 0; i < 3; i += 1) await log.record('198.51.100.7');
      await log.flush();
      rows = await listAudit(store);
      expect(rows).toHaveLength(3);
      expect(rows[0]?.detail).toEqual({ reason: 'rate_limited', attempts: 3, windowSeconds: 60 });
    } finally {
      await store.close();
    }
  });

  it('past 100 addresses in a minute the rest share one row', async () => {
    const store = await openTestStore(engine);
    try {
      const log = new DeniedAttemptLog(store, () => 1_800_000_000_000);
      for (let i = 0; i < 1_000; i += 1) await log.record(`10.0.${i >> 8}.${i & 255}`);
      await log.flush();
      const rows = await listAudit(store, 1_000);
      expect(rows).toHaveLength(101);
      const shared = rows.find((row) => row.ip === null);
      expect(shared?.detail).toEqual({
        reason: 'rate_limited',
        attempts: 900,
        addresses: 'many',
        windowSeconds: 60,
      });
    } finally {
      await store.close();
    }
  });

  it('pruning drops entries past the retention and keeps the rest', async () => {
    const store = await openTestStore(engine);
    try {
      const now = 1_800_000_000_000;
      const at = (daysAgo: number) => ({
        at: now - daysAgo * DAY,
        actor: 'admin',
        action: `a${daysAgo}`,
        result: 'ok' as const,
        target: null,
        detail: null,
        ip: null,
      });
      await store.db
        .insertInto('audit_log')
        .values([at(1000), at(401), at(399), at(0)])
        .execute();
      expect(await pruneAudit(store, 400, now)).toBe(2);
      expect((await listAudit(store)).map((row) => row.action)).toEqual(['a0', 'a399']);
    } finally {
      await store.close();
    }
  });
});
