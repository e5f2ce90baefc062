'use client';

import { ChannelDialog } from '@/components/notifications/channel-dialog';
import { channelTarget } from '@/components/notifications/channel-target';
import { FormError } from '@/components/notifications/form-error';
import { CHANNELS_URL, send, useChannels } from '@/components/notifications/notify-api';
import { buttonClass, secondaryButtonClass } from '@/components/settings/section';
import { dangerButtonClass, Dialog } from '@/components/ui/dialog';
import { CHANNEL_LABELS } from '@/lib/domain/notification-channel-fields';
import type { ChannelTestView, ChannelView } from '@/lib/domain/notification-channels';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import clsx from 'clsx';
import { useState } from 'react';

const small = `${secondaryButtonClass} !px-2 !py-1 text-xs`;

/** The receiver's answer to "Send test", in its own words. */
function TestAnswer({ answer }: { answer: ChannelTestView }) {
  const ok = answer.result === 'sent';
  return (
    <div
      className={clsx(
        'mt-2 rounded-md border-l-4 bg-sunken px-3 py-2 text-sm',
        ok ? 'border-online' : 'border-critical',
      )}
      data-testid="test-answer"
    >
      <p className="font-medium">
        {ok ? 'Delivered' : answer.result === 'retry' ? 'Not delivered (would be retried)' : 'Not delivered'}
        {answer.status !== null ? ` · receiver answered ${answer.status}` : ' · no answer from the receiver'}
      </p>
      {answer.error ? <p className="mt-1 break-words">{answer.error}</p> : null}
      {answer.answer ? (
        <pre className="mt-1 max-h-32 overflow-auto text-xs break-words whitespace-pre-wrap text-muted">
          {answer.answer}
        </pre>
      ) : null}
    </div>
  );
}

function DeleteChannel({ channel, onClose }: { channel: ChannelView; onClose: () => void }) {
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => send(`${CHANNELS_URL}/${encodeURIComponent(channel.id)}`, undefined, 'DELETE'),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.notifications() });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} title={`Delete ${channel.name}?`} testId="delete-channel-dialog">
      <p className="text-sm">
        Rules that send here stop sending to it. Messages already queued for it are not sent.
      </p>
      {remove.error ? <FormError message={remove.error.message} /> : null}
      <div className="flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className={dangerButtonClass}
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
        >
          Delete
        </button>
      </div>
    </Dialog>
  );
}

function ChannelRow({
  channel,
  onEdit,
  onDelete,
}: {
  channel: ChannelView;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const client = useQueryClient();
  const test = useMutation({
    mutationFn: () => send<ChannelTestView>(`${CHANNELS_URL}/${encodeURIComponent(channel.id)}/test`),
    onSettled: () => void client.invalidateQueries({ queryKey: queryKeys.notifications() }),
  });
  return (
    <li className="px-4 py-3" data-testid="channel-row" data-name={channel.name}>
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <p className="font-medium">
            {channel.name}
            {!channel.enabled ? (
              <span className="ml-2 rounded bg-sunken px-1.5 py-0.5 text-xs font-normal">off</span>
            ) : null}
          </p>
          <p className="text-sm break-all text-muted">
            {CHANNEL_LABELS[channel.kind]} · {channelTarget(channel)}
          </p>
          <p className="text-xs text-muted">
            At most {channel.ratePerMinute}/min · secret {channel.secretSet ? 'set' : 'not set'}
          </p>
        </div>
        <div className="flex flex-wrap items-center justify-end gap-1">
          <button type="button" className={small} onClick={onEdit}>
            Edit
          </button>
          <button type="button" className={small} onClick={onDelete}>
            Delete
          </button>
          <button
            type="button"
            className={small}
            disabled={test.isPending}
            onClick={() => test.mutate()}
            data-testid="send-test"
          >
            {test.isPending ? 'Sending…' : 'Send test'}
          </button>
        </div>
      </div>
      <div role="status" aria-live="polite">
        {test.data ? <TestAnswer answer={test.data} /> : null}
        {test.error ? <FormError message={test.error.message} testId="test-answer" /> : null}
      </div>
    </li>
  );
}

export function ChannelList() {
  const channels = useChannels();
  const [editing, setEditing] = useState<ChannelView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ChannelView | null>(null);
  const list = channels.data?.channels ?? [];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted">
          Where messages go. Secrets are stored encrypted and never shown again.
        </p>
        <button
          type="button"
          className={buttonClass}
          onClick={() => setEditing('new')}
          data-testid="add-channel"
        >
          Add a channel
        </button>
      </div>
      {channels.error ? <FormError message={channels.error.message} /> : null}
      <ul
        className="divide-y divide-line rounded-xl border border-line bg-raised shadow-sm"
        aria-label="Channels"
      >
        {list.map((channel) => (
          <ChannelRow
            key={channel.id}
            channel={channel}
            onEdit={() => setEditing(channel)}
            onDelete={() => setDeleting(channel)}
          />
        ))}
        {channels.data && list.length === 0 ? (
          <li className="px-4 py-6 text-center text-sm text-muted">
            No channels yet. Add one (Teams, Slack, e-mail, ntfy, PagerDuty or a signed webhook), then send a
            test.
          </li>
        ) : null}
      </ul>
      {editing ? (
        <ChannelDialog channel={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {deleting ? <DeleteChannel channel={deleting} onClose={() => setDeleting(null)} /> : null}
    </div>
  );
}
