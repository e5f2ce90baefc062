'use client';

import { useAdminActions } from '@/components/actions/admin-context';
import { ConfirmDialog } from '@/components/actions/confirm-dialog';
import { useAction } from '@/components/actions/use-action';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { primaryButtonClass } from '@/components/ui/dialog';
import { SkeletonLines } from '@/components/ui/skeleton';
import { formatCount } from '@/lib/format';
import { actionApi, editTags, tagsQuery, type TagView } from '@/lib/query/actions';
import { useQuery } from '@tanstack/react-query';
import { Pencil, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';

const fieldClass =
  'block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink focus-visible:outline-2 focus-visible:outline-accent';

/** Level's tags with how many devices carry each: create, rename, delete. */
export function TagsManager() {
  const actions = useAdminActions();
  const tags = useQuery(tagsQuery());
  const [name, setName] = useState('');
  const create = useAction({
    run: (tagName: string) => actionApi.createTag(tagName),
    optimistic: (queryClient, tagName) =>
      editTags(queryClient, (all) => [...all, { id: `pending-${tagName}`, name: tagName, deviceCount: 0 }]),
    success: (_out, tagName) => `Created tag “${tagName}”.`,
    failure: 'Creating the tag',
  });
  return (
    <Card id="tags" title="Tags" testId="tags-manager">
      <form
        className="mb-3 flex gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) create.mutate(name.trim(), { onSuccess: () => setName('') });
        }}
      >
        <label className="sr-only" htmlFor="new-tag-name">
          New tag name
        </label>
        <input
          id="new-tag-name"
          className={fieldClass}
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="New tag name"
          maxLength={100}
          disabled={!actions.enabled}
          data-testid="new-tag-name"
        />
        <button
          type="submit"
          className={primaryButtonClass}
          disabled={!actions.enabled || !name.trim() || create.isPending}
          data-testid="create-tag"
        >
          Create
        </button>
      </form>
      {tags.isPending ? (
        <SkeletonLines lines={5} label="Loading tags" />
      ) : tags.isError ? (
        <p className="text-sm text-critical">Could not list tags: {tags.error.message}</p>
      ) : tags.data.tags.length === 0 ? (
        <p className="text-sm text-muted">No tags in Level yet.</p>
      ) : (
        <ul className="divide-y divide-line/60">
          {tags.data.tags.map((tag) => (
            <TagItem key={tag.id} tag={tag} disabled={!actions.enabled || tag.id.startsWith('pending-')} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function TagItem({ tag, disabled }: { tag: TagView; disabled: boolean }) {
  const [mode, setMode] = useState<'rename' | 'delete' | null>(null);
  const [name, setName] = useState(tag.name);
  const rename = useAction({
    run: (next: string) => actionApi.renameTag(tag.id, next),
    optimistic: (queryClient, next) =>
      editTags(queryClient, (all) => all.map((t) => (t.id === tag.id ? { ...t, name: next } : t))),
    success: (_out, next) => `Renamed “${tag.name}” to “${next}”.`,
    failure: 'Renaming the tag',
  });
  const remove = useAction({
    run: () => actionApi.deleteTag(tag.id),
    optimistic: (queryClient) => editTags(queryClient, (all) => all.filter((t) => t.id !== tag.id)),
    success: () => `Deleted tag “${tag.name}”.`,
    failure: 'Deleting the tag',
  });
  const close = () => setMode(null);
  return (
    <li className="flex items-center gap-2 py-2 text-sm" data-testid="tag-item" data-tag-name={tag.name}>
      <Link
        href={`/devices?tag=${encodeURIComponent(tag.name)}`}
        className="min-w-0 flex-1 truncate font-medium hover:underline"
      >
        {tag.name}
      </Link>
      <span className="text-muted tabular-nums" data-testid="tag-device-count">
        {formatCount(tag.deviceCount)} device{tag.deviceCount === 1 ? '' : 's'}
      </span>
      <Button
        className="px-2"
        onClick={() => (setName(tag.name), setMode('rename'))}
        disabled={disabled}
        aria-label={`Rename tag ${tag.name}`}
        data-testid="rename-tag"
      >
        <Pencil className="size-4" aria-hidden />
      </Button>
      <Button
        className="px-2"
        onClick={() => setMode('delete')}
        disabled={disabled}
        aria-label={`Delete tag ${tag.name}`}
        data-testid="delete-tag"
      >
        <Trash2 className="size-4" aria-hidden />
      </Button>
      <ConfirmDialog
        open={mode === 'rename'}
        onClose={close}
        title={`Rename tag “${tag.name}”`}
        confirmLabel="Rename"
        disabled={!name.trim() || name.trim() === tag.name}
        pending={rename.isPending}
        onConfirm={() => rename.mutate(name.trim(), { onSuccess: close })}
        testId="rename-tag-dialog"
      >
        <label className="block font-medium">
          New name
          <input
            className={`mt-1 ${fieldClass}`}
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={100}
            data-testid="tag-name-input"
          />
        </label>
        <p className="text-muted">
          The {formatCount(tag.deviceCount)} tagged devices keep the tag under its new name.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={mode === 'delete'}
        onClose={close}
        title={`Delete tag “${tag.name}”?`}
        confirmLabel="Delete tag"
        danger
        pending={remove.isPending}
        onConfirm={() => remove.mutate(undefined, { onSuccess: close })}
        testId="delete-tag-dialog"
      >
        <p>
          It is removed from {formatCount(tag.deviceCount)} device{tag.deviceCount === 1 ? '' : 's'} in Level.
          Automations that look for it will no longer match them.
        </p>
      </ConfirmDialog>
    </li>
  );
}
