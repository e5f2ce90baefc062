'use client';

import { useAdminActions } from '@/components/actions/admin-context';
import { ReadOnlyNotice } from '@/components/actions/read-only-notice';
import { RunAutomationDialog } from '@/components/actions/run-automation-dialog';
import { useAction } from '@/components/actions/use-action';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { primaryButtonClass } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import type { DeviceRow, GroupName } from '@/lib/domain/fleet';
import { actionApi, editDevices, tagsQuery } from '@/lib/query/actions';
import { useQuery } from '@tanstack/react-query';
import { Play, X } from 'lucide-react';
import { useState } from 'react';

const fieldClass =
  'mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60';

/** What an admin can change on one device: name, notes, group, tags, and run an automation. */
export function DeviceActionsCard({
  device,
  notes,
  groups,
}: {
  device: DeviceRow;
  /** undefined: the detail (which carries notes) has not come from Level. */
  notes: string | null | undefined;
  groups: GroupName[] | undefined;
}) {
  const actions = useAdminActions();
  const [automationOpen, setAutomationOpen] = useState(false);
  if (!actions.visible) return null;
  const off = !actions.enabled;
  return (
    <Card
      id="device-actions"
      title="Actions"
      testId="device-actions"
      actions={
        <Button onClick={() => setAutomationOpen(true)} disabled={off} data-testid="run-automation">
          <Play className="size-4" aria-hidden />
          Run automation…
        </Button>
      }
    >
      <div className="space-y-4">
        <ReadOnlyNotice />
        {/* Keyed by the saved name: a change from Level (or a rollback) resets the form. Notes are
            adopted inside, so their late arrival from Level does not wipe a name being typed. */}
        <NameAndNotes key={device.nickname ?? ''} device={device} notes={notes} disabled={off} />
        <MoveToGroup key={device.groupId ?? ''} device={device} groups={groups} disabled={off} />
        <DeviceTags device={device} disabled={off} />
      </div>
      <RunAutomationDialog
        open={automationOpen}
        onClose={() => setAutomationOpen(false)}
        deviceIds={[device.id]}
        scopeLabel={device.displayName}
      />
    </Card>
  );
}

function NameAndNotes({
  device,
  notes,
  disabled,
}: {
  device: DeviceRow;
  notes: string | null | undefined;
  disabled: boolean;
}) {
  const [nickname, setNickname] = useState(device.nickname ?? '');
  const [text, setText] = useState(notes ?? '');
  const [adopted, setAdopted] = useState(notes);
  if (notes !== adopted) {
    // Level's notes arrived (the field is disabled until then) or changed there: show them.
    setAdopted(notes);
    setText(notes ?? '');
  }
  const save = useAction({
    run: (changes: { nickname?: string; notes?: string }) => actionApi.updateDevice(device.id, changes),
    optimistic: (queryClient, changes) =>
      editDevices(queryClient, [device.id], (row) =>
        changes.nickname === undefined
          ? row
          : { ...row, nickname: changes.nickname || null, displayName: changes.nickname || row.hostname },
      ),
    success: () => `Saved ${nickname.trim() || device.hostname}.`,
    failure: 'Saving the device',
  });
  const changes = {
    ...(nickname.trim() !== (device.nickname ?? '') ? { nickname: nickname.trim() } : {}),
    ...(notes !== undefined && text !== (notes ?? '') ? { notes: text } : {}),
  };
  const dirty = Object.keys(changes).length > 0;
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (dirty) save.mutate(changes);
      }}
    >
      <label className="block text-sm font-medium">
        Nickname
        <input
          className={fieldClass}
          value={nickname}
          onChange={(event) => setNickname(event.target.value)}
          placeholder={device.hostname}
          maxLength={100}
          disabled={disabled}
          data-testid="device-nickname"
        />
      </label>
      <label className="block text-sm font-medium">
        Notes
        <textarea
          className={fieldClass}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={3}
          maxLength={10_000}
          disabled={disabled || notes === undefined}
          placeholder={notes === undefined ? 'Notes show once Level sends the device details' : undefined}
          data-testid="device-notes"
        />
      </label>
      <button
        type="submit"
        className={primaryButtonClass}
        disabled={disabled || !dirty || save.isPending}
        data-testid="save-device"
      >
        {save.isPending ? 'Saving…' : 'Save'}
      </button>
    </form>
  );
}

function MoveToGroup({
  device,
  groups,
  disabled,
}: {
  device: DeviceRow;
  groups: GroupName[] | undefined;
  disabled: boolean;
}) {
  const [target, setTarget] = useState(device.groupId ?? '');
  const move = useAction({
    run: (groupId: string | null) => actionApi.updateDevice(device.id, { groupId }),
    optimistic: (queryClient, groupId) =>
      editDevices(queryClient, [device.id], (row) => ({ ...row, groupId })),
    success: (_out, groupId) =>
      groupId
        ? `Moved to ${groups?.find((g) => g.id === groupId)?.path.join(' › ') ?? 'the group'}.`
        : 'Taken out of its group.',
    failure: 'Moving the device',
  });
  return (
    <div className="flex flex-wrap items-end gap-2">
      <SelectField
        label="Group"
        value={target}
        onChange={setTarget}
        className="min-w-48 flex-1"
        testId="device-group-select"
      >
        <option value="">No group</option>
        {groups?.map((group) => (
          <option key={group.id} value={group.id}>
            {`${'\u00a0\u00a0'.repeat(group.depth)}${group.name}`}
          </option>
        ))}
      </SelectField>
      <Button
        onClick={() => move.mutate(target || null)}
        disabled={disabled || move.isPending || target === (device.groupId ?? '')}
        data-testid="move-device"
      >
        Move
      </Button>
    </div>
  );
}

function DeviceTags({ device, disabled }: { device: DeviceRow; disabled: boolean }) {
  const tags = useQuery(tagsQuery());
  const [adding, setAdding] = useState('');
  const change = useAction({
    run: ({ tagId, mode }: { tagId: string; name: string; mode: 'add' | 'remove' }) =>
      actionApi.tagDevices(tagId, mode, [device.id]),
    optimistic: (queryClient, { name, mode }) =>
      editDevices(queryClient, [device.id], (row) => ({
        ...row,
        tags:
          mode === 'add' ? [...row.tags.filter((t) => t !== name), name] : row.tags.filter((t) => t !== name),
      })),
    success: (_out, { name, mode }) => (mode === 'add' ? `Tagged “${name}”.` : `Removed tag “${name}”.`),
    failure: 'Changing tags',
  });
  const idOf = (name: string) => tags.data?.tags.find((tag) => tag.name === name)?.id;
  const available = tags.data?.tags.filter((tag) => !device.tags.includes(tag.name)) ?? [];
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">Tags</p>
      <ul className="flex flex-wrap gap-1.5" data-testid="device-tags">
        {device.tags.length === 0 ? <li className="text-sm text-muted">No tags</li> : null}
        {device.tags.map((name) => (
          <li
            key={name}
            className="inline-flex items-center gap-1 rounded-full border border-line bg-sunken py-0.5 pr-1 pl-2.5 text-sm"
          >
            {name}
            <button
              type="button"
              aria-label={`Remove tag ${name}`}
              disabled={disabled || change.isPending || !idOf(name)}
              onClick={() => {
                const tagId = idOf(name);
                if (tagId) change.mutate({ tagId, name, mode: 'remove' });
              }}
              className="rounded-full p-0.5 text-muted hover:text-ink focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-50"
            >
              <X className="size-3.5" aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          label="Add a tag"
          value={adding}
          onChange={setAdding}
          className="min-w-48 flex-1"
          testId="device-tag-select"
        >
          <option value="">Choose a tag…</option>
          {available.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </SelectField>
        <Button
          disabled={disabled || !adding || change.isPending}
          onClick={() => {
            const tag = tags.data?.tags.find((candidate) => candidate.id === adding);
            if (tag)
              change.mutate(
                { tagId: tag.id, name: tag.name, mode: 'add' },
                { onSuccess: () => setAdding('') },
              );
          }}
          data-testid="add-device-tag"
        >
          Add
        </Button>
      </div>
    </div>
  );
}
