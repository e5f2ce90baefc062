import type { Store } from '@/lib/db/open';
import { deliveryCursor, listDeliveries } from '@/lib/notify/delivery-log';
import { enqueueMessages } from '@/lib/notify/outbox-write';
import { insertChannel, testMessage } from '@/testing/delivery-fixture';
import { ENGINES, openTestStore } from '@/testing/stores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The delivery log read back: newest first, every row exactly once across pages (one engine round
// writes many rows with the same time), filters, names of deleted channels and rules, no secret.

const T0 = Date.UTC(2026, 11, 7, 6, 0, 0);
const SECRET = 'sealed-secret-value-that-must-not-show';

describe.each(ENGINES)('delivery log on %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(() => store.close());

  const write = (channelId: string, ids: string[], at: number, ruleId: string | null = null) =>
    enqueueMessages(
      store.db,
      ids.map((id) => ({
        id,
        channelId,
        ruleId,
        kind: 'trigger' as const,
        message: { ...testMessage(id, `Title ${id}`), ruleId, ruleName: ruleId && 'Servers (as sent)' },
      })),
      at,
    );

  it('pages through rows of the same time without skipping or repeating one', async () => {
    const channel = await insertChannel(store, { url: 'http://127.0.0.1:1/hook' });
    const ids = Array.from({ length: 7 }, (_, i) => `row-${i}`);
    await write(channel, ids.slice(0, 2), T0);
    await write(channel, ids.slice(2), T0 + 1_000);
    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const rows = await listDeliveries(store, { limit: 3, before });
      seen.push(...rows.map((row) => row.id));
      const last = rows.at(-1);
      if (rows.length < 3 || !last) break;
      before = deliveryCursor(last);
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(ids));
    // Newest first.
    expect(seen.slice(5).sort()).toEqual(['row-0', 'row-1']);
  });

  it('filters by channel and status and names what it can, never the secret', async () => {
    const kept = await insertChannel(store, { url: 'http://127.0.0.1:1/a', name: 'On-call Teams' });
    await store.db
      .updateTable('notification_channels')
      .set({ secret: SECRET })
      .where('id', '=', kept)
      .execute();
    await store.db
      .insertInto('notification_rules')
      .values({ id: 'rule-1', name: 'Servers', enabled: 1, definition: '{}', created_at: 0, updated_at: 0 })
      .execute();
    await write(kept, ['sent-1'], T0, 'rule-1');
    await write(kept, ['waiting-1'], T0 + 1, 'gone-rule');
    await write('gone-channel', ['orphan-1'], T0 + 2);
    await store.db
      .updateTable('notification_outbox')
      .set({ status: 'sent', attempts: 1, sent_at: T0 + 5, last_status: 202, last_answer: '1' })
      .where('id', '=', 'sent-1')
      .execute();

    const all = await listDeliveries(store, { limit: 10 });
    expect(JSON.stringify(all)).not.toContain(SECRET);
    expect(all.map((row) => row.id)).toEqual(['orphan-1', 'waiting-1', 'sent-1']);
    expect(all[2]).toEqual({
      id: 'sent-1',
      channel: { id: kept, name: 'On-call Teams', kind: 'webhook' },
      rule: { id: 'rule-1', name: 'Servers' },
      kind: 'trigger',
      status: 'sent',
      attempts: 1,
      createdAt: T0,
      sentAt: T0 + 5,
      nextAttemptAt: null,
      lastStatus: 202,
      lastError: null,
      lastAnswer: '1',
      title: 'Title sent-1',
    });
    expect(all[1]).toMatchObject({
      rule: { id: 'gone-rule', name: 'Servers (as sent)' },
      nextAttemptAt: T0 + 1,
    });
    expect(all[0]).toMatchObject({ channel: { id: 'gone-channel', name: null, kind: null }, rule: null });

    expect((await listDeliveries(store, { limit: 10, channelId: kept })).map((row) => row.id)).toEqual([
      'waiting-1',
      'sent-1',
    ]);
    expect((await listDeliveries(store, { limit: 10, status: 'pending' })).map((row) => row.id)).toEqual([
      'orphan-1',
      'waiting-1',
    ]);
  });
});
