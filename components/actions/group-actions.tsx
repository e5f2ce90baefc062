'use client';

import { useAdminActions } from '@/components/actions/admin-context';
import { ConfirmDialog } from '@/components/actions/confirm-dialog';
import { RunAutomationDialog } from '@/components/actions/run-automation-dialog';
import { useAction } from '@/components/actions/use-action';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import type { GroupNode } from '@/lib/domain/fleet';
import { formatCount } from '@/lib/format';
import { actionApi, editGroups } from '@/lib/query/actions';
import { fetchAllDevices } from '@/lib/query/devices';
import { FolderPlus, Move, Pencil, Play, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

const fieldClass =
  'mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink focus-visible:outline-2 focus-visible:outline-accent';

/** Groups a group may move under: not itself, not anything below it. */
function possibleParents(groups: GroupNode[], group: GroupNode | null): GroupNode[] {
  if (!group) return groups;
  const below = new Set([group.id]);
  for (const candidate of groups)
    if (candidate.parentId && below.has(candidate.parentId)) below.add(candidate.id);
  return groups.filter((candidate) => !below.has(candidate.id));
}

function ParentSelect({
  groups,
  value,
  onChange,
  label,
}: {
  groups: GroupNode[];
  value: string;
  onChange: (v: string) => void;
  label: string;
}) {
  return (
    <SelectField label={label} value={value} onChange={onChange} testId="group-parent-select">
      <option value="">Top level (a client)</option>
      {groups.map((group) => (
        <option key={group.id} value={group.id}>
          {`${'\u00a0\u00a0'.repeat(group.depth)}${group.name}`}
        </option>
      ))}
    </SelectField>
  );
}

export function NewGroupButton({ groups, parentId = '' }: { groups: GroupNode[]; parentId?: string }) {
  const actions = useAdminActions();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [parent, setParent] = useState(parentId);
  const create = useAction({
    run: (input: { name: string; parentId: string | null }) =>
      actionApi.createGroup(input.name, input.parentId),
    success: (_out, input) => `Created group “${input.name}”.`,
    failure: 'Creating the group',
  });
  if (!actions.visible) return null;
  return (
    <>
      <Button
        onClick={() => setOpen(true)}
        disabled={!actions.enabled}
        title={actions.reason ?? undefined}
        data-testid="new-group"
      >
        <FolderPlus className="size-4" aria-hidden />
        New group
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title="New group"
        confirmLabel="Create group"
        disabled={!name.trim()}
        pending={create.isPending}
        onConfirm={() =>
          create.mutate(
            { name: name.trim(), parentId: parent || null },
            { onSuccess: () => (setOpen(false), setName('')) },
          )
        }
        testId="new-group-dialog"
      >
        <label className="block font-medium">
          Name
          <input
            className={fieldClass}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={100}
            data-testid="group-name-input"
          />
        </label>
        <ParentSelect groups={groups} value={parent} onChange={setParent} label="Inside" />
      </ConfirmDialog>
    </>
  );
}

type Mode = 'rename' | 'move' | 'delete' | 'automation' | null;

/** Rename, move, delete a group, or run an automation on its devices. */
export function GroupActions({
  group,
  groups,
  compact = false,
}: {
  group: GroupNode;
  groups: GroupNode[];
  compact?: boolean;
}) {
  const actions = useAdminActions();
  const router = useRouter();
  const [mode, setMode] = useState<Mode>(null);
  const [name, setName] = useState(group.name);
  const [parent, setParent] = useState(group.parentId ?? '');
  const [deviceIds, setDeviceIds] = useState<string[] | null>(null);
  const close = () => setMode(null);

  const rename = useAction({
    run: (next: string) => actionApi.updateGroup(group.id, { name: next }),
    optimistic: (queryClient, next) =>
      editGroups(queryClient, (all) => all.map((g) => (g.id === group.id ? { ...g, name: next } : g))),
    success: (_out, next) => `Renamed to “${next}”.`,
    failure: 'Renaming the group',
  });
  const move = useAction({
    run: (parentId: string | null) => actionApi.updateGroup(group.id, { parentId }),
    success: (_out, parentId) =>
      parentId
        ? `Moved under ${groups.find((g) => g.id === parentId)?.path.join(' › ')}.`
        : `“${group.name}” is now a top-level client.`,
    failure: 'Moving the group',
  });
  const remove = useAction({
    run: () => actionApi.deleteGroup(group.id),
    optimistic: (queryClient) => editGroups(queryClient, (all) => all.filter((g) => g.id !== group.id)),
    success: () => `Deleted “${group.name}”.`,
    failure: 'Deleting the group',
  });

  if (!actions.visible) return null;
  const direct = group.direct.devices.total;
  const subgroups = group.childIds.length;
  const iconButton =
    'rounded p-1.5 text-muted hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-50';
  const disabled = !actions.enabled;
  const openAutomation = () => {
    setMode('automation');
    setDeviceIds(null);
    void fetchAllDevices(`group=${encodeURIComponent(group.id)}`).then((rows) =>
      setDeviceIds(rows.map((row) => row.id)),
    );
  };
  return (
    <div className="flex shrink-0 items-center gap-0.5" data-testid="group-actions">
      {compact ? null : (
        <Button
          onClick={openAutomation}
          disabled={disabled || group.subtree.devices.total === 0}
          data-testid="group-run-automation"
        >
          <Play className="size-4" aria-hidden />
          Run automation…
        </Button>
      )}
      <button
        type="button"
        className={iconButton}
        onClick={() => (setName(group.name), setMode('rename'))}
        disabled={disabled}
        aria-label={`Rename ${group.name}`}
        title="Rename"
        data-testid="rename-group"
      >
        <Pencil className="size-4" aria-hidden />
      </button>
      <button
        type="button"
        className={iconButton}
        onClick={() => (setParent(group.parentId ?? ''), setMode('move'))}
        disabled={disabled}
        aria-label={`Move ${group.name}`}
        title="Move"
        data-testid="move-group"
      >
        <Move className="size-4" aria-hidden />
      </button>
      <button
        type="button"
        className={iconButton}
        onClick={() => setMode('delete')}
        disabled={disabled}
        aria-label={`Delete ${group.name}`}
        title="Delete"
        data-testid="delete-group"
      >
        <Trash2 className="size-4" aria-hidden />
      </button>

      <ConfirmDialog
        open={mode === 'rename'}
        onClose={close}
        title={`Rename “${group.name}”`}
        confirmLabel="Rename"
        disabled={!name.trim() || name.trim() === group.name}
        pending={rename.isPending}
        onConfirm={() => rename.mutate(name.trim(), { onSuccess: close })}
        testId="rename-group-dialog"
      >
        <label className="block font-medium">
          New name
          <input
            className={fieldClass}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={100}
            data-testid="group-name-input"
          />
        </label>
        <p className="text-muted">It stays where it is in the tree.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={mode === 'move'}
        onClose={close}
        title={`Move “${group.name}”`}
        confirmLabel="Move"
        disabled={parent === (group.parentId ?? '')}
        pending={move.isPending}
        onConfirm={() => move.mutate(parent || null, { onSuccess: close })}
        testId="move-group-dialog"
      >
        <ParentSelect
          groups={possibleParents(groups, group)}
          value={parent}
          onChange={setParent}
          label="Move inside"
        />
        <p className="text-muted">Its subgroups and devices move with it.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={mode === 'delete'}
        onClose={close}
        title={`Delete “${group.name}”?`}
        confirmLabel="Delete group"
        danger
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              close();
              if (!compact) router.push('/groups');
            },
          })
        }
        testId="delete-group-dialog"
      >
        <ul className="list-disc space-y-1 pl-5" data-testid="delete-consequences">
          <li>
            {direct
              ? direct === 1
                ? 'The 1 device directly in it becomes ungrouped.'
                : `The ${formatCount(direct)} devices directly in it become ungrouped.`
              : 'No devices are directly in it.'}
          </li>
          {subgroups ? (
            <li>
              {subgroups === 1
                ? 'Its subgroup becomes a top-level group (a client), with its devices.'
                : `Its ${subgroups} subgroups become top-level groups (clients), with their devices.`}
            </li>
          ) : null}
          <li>Automations and custom fields that target it in Level lose it. This cannot be undone.</li>
        </ul>
      </ConfirmDialog>
      <RunAutomationDialog
        open={mode === 'automation'}
        onClose={close}
        deviceIds={deviceIds}
        scopeLabel={`every device in ${group.name} and below`}
      />
    </div>
  );
}
