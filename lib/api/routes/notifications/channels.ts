import { auditRequest } from '@/lib/api/audit-request';
import { parseBody } from '@/lib/api/body';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { getStore } from '@/lib/db/instance';
import { CHANNEL_FIELDS } from '@/lib/domain/notification-channel-fields';
import {
  channelCreateSchema,
  channelUpdateSchema,
  type ChannelView,
} from '@/lib/domain/notification-channels';
import {
  createChannel,
  deleteChannel,
  getChannel,
  listChannels,
  updateChannel,
} from '@/lib/notify/channel-store';
import { sendTest } from '@/lib/notify/test-send';
import 'server-only';

// Settings → Notifications → Channels (admin only). A channel's secret goes in with a create or an
// update and never comes out: answers and audit entries carry `secretSet` and whether it changed.

function channelJson(view: ChannelView) {
  return {
    id: view.id,
    name: view.name,
    kind: view.kind,
    config: view.config,
    secretSet: view.secretSet,
    enabled: view.enabled,
    ratePerMinute: view.ratePerMinute,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  };
}

/** What the audit log keeps of a channel: never its secret. */
const auditedChannel = (view: ChannelView) => ({
  name: view.name,
  kind: view.kind,
  config: view.config,
  enabled: view.enabled,
  ratePerMinute: view.ratePerMinute,
});

export const listChannelsRoute = route(
  'admin.notifications.channels.list',
  async () => {
    const store = await getStore();
    return json({ channels: (await listChannels(store)).map(channelJson), fields: CHANNEL_FIELDS });
  },
  { access: 'admin' },
);

export const createChannelRoute = route(
  'admin.notifications.channels.create',
  async (request, _params, access) => {
    const input = await parseBody(request, channelCreateSchema);
    const store = await getStore();
    const channel = await createChannel(store, input);
    await auditRequest(store, access, request, {
      action: 'notification_channel.create',
      target: channel.id,
      detail: { channel: auditedChannel(channel), secretSet: channel.secretSet },
    });
    return json({ channel: channelJson(channel) }, 201);
  },
  { access: 'admin' },
);

export const updateChannelRoute = route(
  'admin.notifications.channels.update',
  async (request, params, access) => {
    const input = await parseBody(request, channelUpdateSchema);
    const store = await getStore();
    const id = params.id ?? '';
    const before = await getChannel(store, id);
    const after = await updateChannel(store, id, input);
    await auditRequest(store, access, request, {
      action: 'notification_channel.update',
      target: id,
      detail: {
        before: before ? auditedChannel(before) : null,
        after: auditedChannel(after),
        secretChanged: input.secret !== undefined,
      },
    });
    return json({ channel: channelJson(after) });
  },
  { access: 'admin' },
);

export const deleteChannelRoute = route(
  'admin.notifications.channels.delete',
  async (request, params, access) => {
    const store = await getStore();
    const deleted = await deleteChannel(store, params.id ?? '');
    await auditRequest(store, access, request, {
      action: 'notification_channel.delete',
      target: deleted.id,
      detail: auditedChannel(deleted),
    });
    return json({ ok: true });
  },
  { access: 'admin' },
);

export const testChannelRoute = route(
  'admin.notifications.channels.test',
  async (request, params, access) => {
    const store = await getStore();
    const id = params.id ?? '';
    const outcome = await sendTest(store, id);
    await auditRequest(store, access, request, {
      action: 'notification_channel.test',
      target: id,
      detail: { result: outcome.result, status: outcome.status },
      result: outcome.result === 'sent' ? 'ok' : 'failed',
    });
    return json({
      result: outcome.result,
      status: outcome.status,
      error: outcome.error,
      answer: outcome.answer,
    });
  },
  { access: 'admin' },
);
