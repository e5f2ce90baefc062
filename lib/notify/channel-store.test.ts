import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/domain/errors';
import {
  channelExists,
  createChannel,
  deleteChannel,
  getChannel,
  listChannels,
  loadChannelForSending,
  updateChannel,
} from '@/lib/notify/channel-store';
import { createRule } from '@/lib/notify/rule-store';
import { sendTest } from '@/lib/notify/test-send';
import { startHttpReceiver, type HttpReceiver } from '@/testing/notify-receivers';
import { ENGINES, openTestStore } from '@/testing/stores';
import { useTestSecrets } from '@/testing/test-secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Channels on both engines: secrets sealed at rest, never in a view, kept by an update that does
// not give one; and "Send test" recorded in the outbox.

let receiver: HttpReceiver;
beforeAll(async () => {
  useTestSecrets();
  receiver = await startHttpReceiver();
});
afterAll(async () => receiver.close());

describe.each(ENGINES)('notification channels on %s', (engine) => {
  async function withStore(run: (store: Awaited<ReturnType<typeof openTestStore>>) => Promise<void>) {
    const store = await openTestStore(engine);
    try {
      await run(store);
    } finally {
      await store.close();
    }
  }

  const rawRow = async (store: Awaited<ReturnType<typeof openTestStore>>, id: string) =>
    JSON.stringify(
      await store.db.selectFrom('notification_channels').selectAll().where('id', '=', id).executeTakeFirst(),
    );

  it('seals the secret at rest and never puts it in a view; update without a secret keeps it', async () => {
    await withStore(async (store) => {
      const hook = receiver.url('slack');
      const view = await createChannel(store, {
        kind: 'slack',
        name: 'On-call Slack',
        secret: { webhookUrl: hook },
      });
      expect(view).toMatchObject({
        kind: 'slack',
        name: 'On-call Slack',
        secretSet: true,
        enabled: true,
        ratePerMinute: 20,
      });
      expect(JSON.stringify(view)).not.toContain(receiver.token);
      expect(JSON.stringify(await listChannels(store))).not.toContain(receiver.token);
      expect(await rawRow(store, view.id)).not.toContain(receiver.token);
      expect((await loadChannelForSending(store, view.id))?.secret).toEqual({ webhookUrl: hook });

      const renamed = await updateChannel(store, view.id, {
        name: 'Slack #noc',
        ratePerMinute: 5,
        enabled: false,
      });
      expect(renamed).toMatchObject({
        name: 'Slack #noc',
        ratePerMinute: 5,
        enabled: false,
        secretSet: true,
      });
      expect((await loadChannelForSending(store, view.id))?.secret).toEqual({ webhookUrl: hook });

      const other = `${hook}-rotated`;
      await updateChannel(store, view.id, { secret: { webhookUrl: other } });
      expect((await loadChannelForSending(store, view.id))?.secret).toEqual({ webhookUrl: other });
      expect(await rawRow(store, view.id)).not.toContain('rotated');
    });
  });

  it('an optional secret left empty is not stored, and can be cleared', async () => {
    await withStore(async (store) => {
      const config = { host: 'smtp.example.com', from: 'lb@example.com', to: ['oncall@example.com'] };
      const open = await createChannel(store, { kind: 'email', name: 'Mail', config });
      expect(open.secretSet).toBe(false);
      expect(open.config).toMatchObject({
        port: 587,
        security: 'starttls',
        allowSelfSigned: false,
        username: '',
      });
      const signed = await updateChannel(store, open.id, {
        config: { ...config, username: 'lb' },
        secret: { password: 'hunter2-password' },
      });
      expect(signed.secretSet).toBe(true);
      expect(await rawRow(store, open.id)).not.toContain('hunter2');
      expect((await updateChannel(store, open.id, { secret: { password: '' } })).secretSet).toBe(false);
    });
  });

  it('refuses bad settings naming the field, without echoing a secret', async () => {
    await withStore(async (store) => {
      await expect(
        createChannel(store, { kind: 'email', name: 'x', config: { from: 'a@b.co', to: ['c@d.co'] } }),
      ).rejects.toThrow(/config\.host/);
      const bad = createChannel(store, {
        kind: 'teams',
        name: 'x',
        secret: { webhookUrl: 'ftp://secret-token-123' },
      });
      await expect(bad).rejects.toBeInstanceOf(InvalidInputError);
      await expect(bad).rejects.toThrow(/secret\.webhookUrl/);
      await bad.catch((error: Error) => expect(error.message).not.toContain('secret-token-123'));
      await expect(createChannel(store, { kind: 'slack', name: 'x', secret: {} })).rejects.toThrow(
        /secret\.webhookUrl/,
      );
      await expect(
        createChannel(store, {
          kind: 'slack',
          name: 'x',
          ratePerMinute: 601,
          secret: { webhookUrl: 'https://h.example/x' },
        }),
      ).rejects.toThrow(/ratePerMinute/);
      await expect(createChannel(store, { kind: 'pager' as 'slack', name: 'x' })).rejects.toThrow(/kind/);
      await expect(updateChannel(store, 'nope', { name: 'y' })).rejects.toBeInstanceOf(NotFoundError);
      expect(await listChannels(store)).toEqual([]);
    });
  });

  it('will not delete a channel a rule sends to, and says which rule', async () => {
    await withStore(async (store) => {
      const channel = await createChannel(store, {
        kind: 'webhook',
        name: 'Hook',
        config: { url: 'https://hooks.example.com/levelboard' },
        secret: { signingSecret: 'a-signing-secret-of-some-length' },
      });
      const rule = await createRule(store, {
        name: 'Servers down',
        events: ['device_offline'],
        channelIds: [channel.id],
      });
      const refused = deleteChannel(store, channel.id);
      await expect(refused).rejects.toBeInstanceOf(ConflictError);
      await expect(refused).rejects.toThrow(/"Servers down"/);
      expect(await channelExists(store, channel.id)).toBe(true);
      await store.db.deleteFrom('notification_rules').where('id', '=', rule.id).execute();
      await deleteChannel(store, channel.id);
      expect(await channelExists(store, channel.id)).toBe(false);
      expect(await getChannel(store, channel.id)).toBeNull();
      await expect(deleteChannel(store, channel.id)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  it('"Send test" sends now and records the answer as a test row of the outbox', async () => {
    await withStore(async (store) => {
      receiver.reset();
      const channel = await createChannel(store, {
        kind: 'teams',
        name: 'Teams NOC',
        secret: { webhookUrl: receiver.url('teams') },
      });
      const ok = await sendTest(store, channel.id, { baseUrl: 'https://lb.example.com' });
      expect(ok).toEqual({ result: 'sent', status: 202, error: null, answer: null });
      expect(receiver.accepted('teams')).toHaveLength(1);
      expect(receiver.received[0]?.raw).toContain('https://lb.example.com/settings/notifications');

      receiver.failNext(1, {
        mode: 'status',
        status: 400,
        body: 'Bad payload received by generic incoming webhook.',
      });
      const refused = await sendTest(store, channel.id, { baseUrl: 'https://lb.example.com' });
      expect(refused).toMatchObject({
        result: 'failed',
        status: 400,
        answer: 'Bad payload received by generic incoming webhook.',
      });

      receiver.failNext(1, { mode: 'status', status: 502 });
      expect(await sendTest(store, channel.id, { baseUrl: 'https://lb.example.com' })).toMatchObject({
        result: 'retry',
        status: 502,
      });

      const rows = await store.db
        .selectFrom('notification_outbox')
        .selectAll()
        .orderBy('created_at')
        .execute();
      expect(rows.map((row) => [row.kind, row.status, row.attempts, row.last_status, row.rule_id])).toEqual(
        expect.arrayContaining([
          ['test', 'sent', 1, 202, null],
          ['test', 'failed', 1, 400, null],
          ['test', 'failed', 1, 502, null],
        ]),
      );
      expect(rows.every((row) => row.channel_id === channel.id)).toBe(true);
      expect(rows.find((row) => row.last_status === 400)?.last_answer).toContain('Bad payload');
      expect(JSON.stringify(rows)).not.toContain(receiver.token);
      await expect(sendTest(store, 'missing')).rejects.toBeInstanceOf(NotFoundError);
    });
  });
});
