'use client';

import { useAdminActions } from '@/components/actions/admin-context';
import { ConfirmDialog } from '@/components/actions/confirm-dialog';
import { RunAutomationDialog } from '@/components/actions/run-automation-dialog';
import { useAction } from '@/components/actions/use-action';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import type { DeviceRow, GroupName } from '@/lib/domain/fleet';
import { formatCount } from '@/lib/format';
import { actionApi, editDevices, tagsQuery } from '@/lib/query/actions';
import { useQuery } from '@tanstack/react-query';
import { Loader2, Play } from 'lucide-react';
import { useState } from 'react';

type Dialog = 'automation' | 'move' | 'ungroup' | 'tag-add' | 'tag-remove' | null;

const plural = (n: number) => `${formatCount(n)} device${n === 1 ? '' : 's'}`;

/**
 * What an admin can do with the devices selected in the table. Every action says how many
 * devices it will touch before it runs.
 */
export function DeviceBulkBar({
  selected,
  total,
  onSelectAll,
  selectingAll,
  onClear,
  groups,
}: {
  selected: readonly DeviceRow[];
  /** Devices matching the current filter. */
  total: number;
  onSelectAll: () => void;
  selectingAll: boolean;
  onClear: () => void;
  groups: GroupName[] | undefined;
}) {
  const actions = useAdminActions();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!actions.visible) return null;
  const count = selected.length;
  const ids = selected.map((row) => row.id);
  const close = () => setDialog(null);
  const off = !actions.enabled || count === 0;
  return (
    <div
      className="space-y-2 rounded-lg border border-accent/40 bg-raised px-3 py-2 text-sm shadow-sm"
      data-testid="device-bulk-bar"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium" aria-live="polite" data-testid="selected-count" data-value={count}>
          {`${plural(count)} selected`}
        </span>
        {count < total ? (
          <Button
            onClick={onSelectAll}
            disabled={selectingAll}
            className="max-sm:px-2 max-sm:py-1 max-sm:text-xs"
            aria-label={`Select all ${formatCount(total)} matching`}
            data-testid="select-all-matching"
          >
            {selectingAll ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
            <span className="sm:hidden">All {formatCount(total)}</span>
            <span className="max-sm:hidden">Select all {formatCount(total)} matching</span>
          </Button>
        ) : null}
        <Button
          onClick={onClear}
          className="max-sm:px-2 max-sm:py-1 max-sm:text-xs"
          data-testid="clear-selection"
        >
          Clear
        </Button>
      </div>
      {/* One line on a phone, scrolled sideways, instead of five stacked rows of buttons. */}
      <div
        className="-mx-3 flex items-center gap-2 overflow-x-auto px-3 pb-0.5 max-sm:flex-nowrap sm:flex-wrap max-sm:[&>button]:shrink-0 max-sm:[&>button]:px-2 max-sm:[&>button]:py-1 max-sm:[&>button]:text-xs"
        role="group"
        aria-label="Actions on the selected devices"
      >
        <Button
          onClick={() => setDialog('automation')}
          disabled={off}
          title={actions.reason ?? undefined}
          data-testid="bulk-run-automation"
        >
          <Play className="size-4" aria-hidden />
          Run automation…
        </Button>
        <Button
          onClick={() => setDialog('move')}
          disabled={off}
          title={actions.reason ?? undefined}
          data-testid="bulk-move"
        >
          Move to group…
        </Button>
        <Button
          onClick={() => setDialog('ungroup')}
          disabled={off || selected.every((row) => !row.groupId)}
          data-testid="bulk-ungroup"
        >
          Remove from group
        </Button>
        <Button onClick={() => setDialog('tag-add')} disabled={off} data-testid="bulk-tag-add">
          Add tag…
        </Button>
        <Button onClick={() => setDialog('tag-remove')} disabled={off} data-testid="bulk-tag-remove">
          Remove tag…
        </Button>
      </div>
      {actions.reason ? <p className="basis-full text-xs text-muted">{actions.reason}</p> : null}
      <RunAutomationDialog
        open={dialog === 'automation'}
        onClose={close}
        deviceIds={ids}
        scopeLabel={`the ${plural(count)} selected`}
      />
      <MoveDialog open={dialog === 'move'} onClose={close} ids={ids} groups={groups} />
      <UngroupDialog open={dialog === 'ungroup'} onClose={close} selected={selected} />
      <TagDialog open={dialog === 'tag-add'} onClose={close} ids={ids} mode="add" />
      <TagDialog open={dialog === 'tag-remove'} onClose={close} ids={ids} mode="remove" />
    </div>
  );
}

function MoveDialog({
  open,
  onClose,
  ids,
  groups,
}: {
  open: boolean;
  onClose: () => void;
  ids: string[];
  groups: GroupName[] | undefined;
}) {
  const [target, setTarget] = useState('');
  const group = groups?.find((candidate) => candidate.id === target);
  const move = useAction({
    run: ({ groupId, deviceIds }: { groupId: string; deviceIds: string[] }) =>
      actionApi.groupDevices(groupId, 'add', deviceIds),
    optimistic: (queryClient, { groupId, deviceIds }) =>
      editDevices(queryClient, deviceIds, (row) => ({ ...row, groupId })),
    success: (_out, { deviceIds }) =>
      `Moved ${plural(deviceIds.length)} to ${group?.path.join(' › ') ?? 'the group'}.`,
    failure: 'Moving devices',
  });
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={`Move ${plural(ids.length)} to a group`}
      confirmLabel={`Move ${plural(ids.length)}`}
      disabled={!group}
      pending={move.isPending}
      onConfirm={() => group && move.mutate({ groupId: group.id, deviceIds: ids }, { onSuccess: onClose })}
      testId="bulk-move-dialog"
    >
      <SelectField label="Group" value={target} onChange={setTarget} testId="bulk-move-group">
        <option value="">Choose a group…</option>
        {groups?.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {`${'\u00a0\u00a0'.repeat(candidate.depth)}${candidate.name}`}
          </option>
        ))}
      </SelectField>
      <p className="text-muted">Each device leaves the group it is in now.</p>
    </ConfirmDialog>
  );
}

function UngroupDialog({
  open,
  onClose,
  selected,
}: {
  open: boolean;
  onClose: () => void;
  selected: readonly DeviceRow[];
}) {
  const grouped = selected.filter((row) => row.groupId);
  const byGroup = new Map<string, string[]>();
  for (const row of grouped)
    byGroup.set(row.groupId as string, [...(byGroup.get(row.groupId as string) ?? []), row.id]);
  const ungroup = useAction({
    run: async (batches: [string, string[]][]) => {
      for (const [groupId, deviceIds] of batches) await actionApi.groupDevices(groupId, 'remove', deviceIds);
    },
    optimistic: (queryClient, batches) =>
      editDevices(
        queryClient,
        batches.flatMap(([, deviceIds]) => deviceIds),
        (row) => ({ ...row, groupId: null }),
      ),
    success: () => `Took ${plural(grouped.length)} out of their groups.`,
    failure: 'Removing devices from groups',
  });
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={`Remove ${plural(grouped.length)} from their groups?`}
      confirmLabel="Remove from groups"
      danger
      pending={ungroup.isPending}
      onConfirm={() => ungroup.mutate([...byGroup.entries()], { onSuccess: onClose })}
      testId="bulk-ungroup-dialog"
    >
      <p>
        They become ungrouped devices ({byGroup.size} group{byGroup.size === 1 ? '' : 's'} affected).
        Automations and policies that target those groups no longer apply to them.
      </p>
    </ConfirmDialog>
  );
}

function TagDialog({
  open,
  onClose,
  ids,
  mode,
}: {
  open: boolean;
  onClose: () => void;
  ids: string[];
  mode: 'add' | 'remove';
}) {
  const tags = useQuery({ ...tagsQuery(), enabled: open });
  const [tagId, setTagId] = useState('');
  const tag = tags.data?.tags.find((candidate) => candidate.id === tagId);
  const change = useAction({
    run: ({ id, deviceIds }: { id: string; name: string; deviceIds: string[] }) =>
      actionApi.tagDevices(id, mode, deviceIds),
    optimistic: (queryClient, { name, deviceIds }) =>
      editDevices(queryClient, deviceIds, (row) => ({
        ...row,
        tags:
          mode === 'add' ? [...row.tags.filter((t) => t !== name), name] : row.tags.filter((t) => t !== name),
      })),
    success: (out, { name, deviceIds }) =>
      `${mode === 'add' ? 'Tagged' : 'Untagged'} “${name}” on ${plural(out.changed)} (${plural(deviceIds.length)} selected).`,
    failure: mode === 'add' ? 'Tagging' : 'Removing the tag',
  });
  const verb = mode === 'add' ? 'Add' : 'Remove';
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={`${verb} a tag ${mode === 'add' ? 'to' : 'from'} ${plural(ids.length)}`}
      confirmLabel={`${verb} tag`}
      disabled={!tag}
      pending={change.isPending}
      onConfirm={() =>
        tag && change.mutate({ id: tag.id, name: tag.name, deviceIds: ids }, { onSuccess: onClose })
      }
      testId={`bulk-tag-${mode}-dialog`}
    >
      <SelectField label="Tag" value={tagId} onChange={setTagId} testId="bulk-tag-select">
        <option value="">{tags.isPending ? 'Loading tags…' : 'Choose a tag…'}</option>
        {tags.data?.tags.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </SelectField>
      <p className="text-muted">Create, rename and delete tags on the Manage page.</p>
    </ConfirmDialog>
  );
}
