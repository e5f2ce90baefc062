'use client';

import { FormError } from '@/components/notifications/form-error';
import { RULES_URL, send, useChannels, useRules } from '@/components/notifications/notify-api';
import { RuleEditor } from '@/components/notifications/rule-editor';
import { buttonClass, secondaryButtonClass } from '@/components/settings/section';
import { dangerButtonClass, Dialog } from '@/components/ui/dialog';
import type { GroupNode } from '@/lib/domain/fleet';
import { ruleSummary } from '@/lib/domain/notification-rule-summary';
import type { RuleView } from '@/lib/domain/notification-rules';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

const small = `${secondaryButtonClass} !px-2 !py-1 text-xs`;

function DeleteRule({ rule, onClose }: { rule: RuleView; onClose: () => void }) {
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => send(`${RULES_URL}/${encodeURIComponent(rule.id)}`, undefined, 'DELETE'),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.notificationRules() });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} title={`Delete ${rule.definition.name}?`} testId="delete-rule-dialog">
      <p className="text-sm">
        It stops watching at once; what it has open is forgotten, so no recovery message follows. Messages
        already queued still go out.
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

export function RuleList() {
  const rules = useRules();
  const channels = useChannels();
  const groups = useQuery({
    queryKey: queryKeys.groupsForLinks(),
    queryFn: ({ signal }) => fetchJson<{ groups: GroupNode[] }>('/api/groups', { signal }),
  });
  const [editing, setEditing] = useState<RuleView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RuleView | null>(null);
  const channelNames = new Map((channels.data?.channels ?? []).map((channel) => [channel.id, channel.name]));
  const groupNames = new Map((groups.data?.groups ?? []).map((group) => [group.id, group.path.join(' / ')]));
  const names = {
    channel: (id: string) => channelNames.get(id) ?? null,
    group: (id: string) => groupNames.get(id) ?? null,
  };
  const list = rules.data?.rules ?? [];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted">
          What to tell whom, and when. Every rule is checked after each sync.
        </p>
        <button
          type="button"
          className={buttonClass}
          onClick={() => setEditing('new')}
          data-testid="add-rule"
        >
          New rule
        </button>
      </div>
      {rules.error ? <FormError message={rules.error.message} /> : null}
      <ul
        className="divide-y divide-line rounded-xl border border-line bg-raised shadow-sm"
        aria-label="Rules"
      >
        {list.map((rule) => (
          <li
            key={rule.id}
            className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-4 py-3"
            data-testid="rule-row"
            data-name={rule.definition.name}
          >
            <div className="min-w-0 flex-1">
              <p className="font-medium">
                {rule.definition.name}
                {!rule.definition.enabled ? (
                  <span className="ml-2 rounded bg-sunken px-1.5 py-0.5 text-xs font-normal">off</span>
                ) : null}
              </p>
              <p className="text-sm text-muted" data-testid="rule-summary">
                {ruleSummary(rule.definition, names)}
              </p>
            </div>
            <div className="flex gap-1">
              <button type="button" className={small} onClick={() => setEditing(rule)}>
                Edit
              </button>
              <button type="button" className={small} onClick={() => setDeleting(rule)}>
                Delete
              </button>
            </div>
          </li>
        ))}
        {rules.data && list.length === 0 ? (
          <li className="px-4 py-6 text-center text-sm text-muted">
            No rules yet: nothing is sent until a rule says what and where.
          </li>
        ) : null}
      </ul>
      {editing ? (
        <RuleEditor rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {deleting ? <DeleteRule rule={deleting} onClose={() => setDeleting(null)} /> : null}
    </div>
  );
}
