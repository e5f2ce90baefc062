'use client';

import { DevicePicker, type PickedDevice } from '@/components/settings/device-picker';
import { buttonClass, inputClass } from '@/components/settings/section';
import { WallSettingsFields, wallSettingsFrom } from '@/components/settings/wall-settings-fields';
import type { GroupNode } from '@/lib/domain/fleet';
import { sendJson } from '@/lib/query/admin';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

const EXPIRY = [
  { label: '1 hour', hours: 1 },
  { label: '8 hours', hours: 8 },
  { label: '1 day', hours: 24 },
  { label: '7 days', hours: 7 * 24 },
  { label: '30 days', hours: 30 * 24 },
  { label: '90 days', hours: 90 * 24 },
];

export function CreateShareLinkForm({
  onCreated,
}: {
  onCreated: (link: { url: string; name: string }) => void;
}) {
  const queryClient = useQueryClient();
  const groups = useQuery({
    queryKey: queryKeys.groupsForLinks(),
    queryFn: ({ signal }) => fetchJson<{ groups: GroupNode[] }>('/api/groups', { signal }),
  });
  const [kind, setKind] = useState<'viewer' | 'wall'>('viewer');
  const [scopeKind, setScopeKind] = useState<'fleet' | 'group' | 'devices'>('fleet');
  const [picked, setPicked] = useState<PickedDevice[]>([]);
  // Bumped on each created link so the picker starts empty (no stale search) for the next one.
  const [round, setRound] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: unknown) =>
      sendJson<{ path: string; link: { name: string } }>('/api/admin/share-links', 'POST', body),
    onSuccess: (result) => {
      setPicked([]);
      setRound((value) => value + 1);
      onCreated({ url: `${window.location.origin}${result.path}`, name: result.link.name });
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin() });
    },
  });

  return (
    <form
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const expiry = String(form.get('expiry'));
        if (scopeKind === 'devices' && picked.length === 0) {
          setFormError('Choose at least one device for a device-list link.');
          return;
        }
        setFormError(null);
        const scope =
          scopeKind === 'fleet'
            ? { kind: 'fleet' }
            : scopeKind === 'group'
              ? { kind: 'group', groupId: String(form.get('groupId')) }
              : { kind: 'devices', deviceIds: form.getAll('deviceIds').map(String) };
        create.mutate({
          name: String(form.get('name')),
          kind,
          scope,
          redact: form.get('redact') === 'on',
          expiresInHours: expiry === 'never' ? null : Number(expiry),
          ...(kind === 'wall' ? { wall: wallSettingsFrom(form) } : {}),
        });
      }}
    >
      <label>
        <span className="text-sm font-medium">Name</span>
        <input
          name="name"
          required
          maxLength={100}
          className={inputClass}
          placeholder="e.g. Acme on-site tech"
        />
      </label>
      <label>
        <span className="text-sm font-medium">Kind</span>
        <select
          value={kind}
          onChange={(event) => setKind(event.target.value as 'viewer' | 'wall')}
          className={inputClass}
          name="kind"
        >
          <option value="viewer">Viewer (dashboard, read-only)</option>
          <option value="wall">Wall (NOC screen)</option>
        </select>
      </label>
      <label>
        <span className="text-sm font-medium">Expires</span>
        <select name="expiry" defaultValue="24" className={inputClass}>
          {EXPIRY.map((option) => (
            <option key={option.hours} value={option.hours}>
              {option.label}
            </option>
          ))}
          {kind === 'wall' ? <option value="never">Never (until revoked)</option> : null}
        </select>
      </label>
      <label>
        <span className="text-sm font-medium">Scope</span>
        <select
          value={scopeKind}
          onChange={(event) => setScopeKind(event.target.value as 'fleet' | 'group' | 'devices')}
          className={inputClass}
          name="scopeKind"
        >
          <option value="fleet">Whole fleet</option>
          <option value="group">One group and everything under it</option>
          <option value="devices">A list of devices</option>
        </select>
      </label>
      {scopeKind === 'group' ? (
        <label>
          <span className="text-sm font-medium">Group</span>
          <select name="groupId" required className={inputClass}>
            {(groups.data?.groups ?? []).map((group) => (
              <option key={group.id} value={group.id}>
                {group.path.join(' / ')}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {scopeKind === 'devices' ? <DevicePicker key={round} picked={picked} onChange={setPicked} /> : null}
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" name="redact" className="size-4" />
        Hide hostnames and users
      </label>
      {kind === 'wall' ? <WallSettingsFields /> : null}
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-3">
        <button type="submit" className={buttonClass} disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create link'}
        </button>
        {(formError ?? create.error) ? (
          <p role="alert" className="text-sm text-critical">
            {formError ?? create.error?.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
