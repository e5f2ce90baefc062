import { enqueueMessages } from '@/lib/notify/outbox-write';
import { notificationStatus } from '@/lib/notify/status';
import { ENGINES, openTestStore } from '@/testing/stores';
import { describe, expect, it } from 'vitest';

describe.each(ENGINES)('notificationStatus on %s', (engine) => {
  it('counts what waits, what went out and failed in the last day, and open incidents', async () => {
    const store = await openTestStore(engine);
    try {
      const now = Date.parse('2026-12-07T12:00:00Z');
      const message = {
        id: 'm',
        kind: 'trigger' as const,
        ruleId: 'r',
        ruleName: 'R',
        severity: 'critical' as const,
        title: 't',
        summary: 's',
        items: [],
        moreCount: 0,
        url: 'u',
        createdAt: 'c',
      };
      const entry = (id: string) => ({
        id,
        channelId: 'c',
        ruleId: 'r',
        kind: 'trigger' as const,
        message: { ...message, id },
      });
      await enqueueMessages(store.db, [entry('old-pending')], now - 3_600_000);
      await enqueueMessages(
        store.db,
        [entry('p2'), entry('sent'), entry('failed'), entry('failed-long-ago')],
        now - 60_000,
      );
      await store.db
        .updateTable('notification_outbox')
        .set({ status: 'sent' })
        .where('id', '=', 'sent')
        .execute();
      await store.db
        .updateTable('notification_outbox')
        .set({ status: 'failed' })
        .where('id', 'in', ['failed', 'failed-long-ago'])
        .execute();
      await store.db
        .updateTable('notification_outbox')
        .set({ created_at: now - 2 * 86_400_000 })
        .where('id', '=', 'failed-long-ago')
        .execute();
      await store.db
        .insertInto('notification_incidents')
        .values(
          ['a', 'b'].map((key, n) => ({
            id: `r|${key}`,
            rule_id: 'r',
            signal_key: key,
            kind: 'alert',
            since: now,
            detected_at: now,
            notified_at: now,
            last_sent_at: now,
            resolved_at: n === 1 ? now : null,
            recovery_sent_at: null,
            detail: '{}',
          })),
        )
        .execute();
      expect(await notificationStatus(store, now)).toEqual({
        pending: 2,
        failedLastDay: 1,
        sentLastDay: 1,
        openIncidents: 1,
        oldestPendingAt: now - 3_600_000,
      });
    } finally {
      await store.close();
    }
  });
});
