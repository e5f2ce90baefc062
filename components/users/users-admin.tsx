'use client';

import { buttonClass, inputClass, secondaryButtonClass, Section } from '@/components/settings/section';
import { dangerButtonClass, Dialog } from '@/components/ui/dialog';
import { OneTimeLink } from '@/components/users/one-time-link';
import { ScopePicker } from '@/components/users/scope-picker';
import type { PersonScope } from '@/lib/domain/scope';
import type { UserRole, UserView } from '@/lib/domain/user';
import { formatRelative } from '@/lib/format';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

const usersKey = () => [...queryKeys.admin(), 'users'] as const;

interface UsersAnswer {
  users: UserView[];
  breakGlass: { enabled: boolean };
}

const ROLES: { value: UserRole; label: string; hint: string }[] = [
  { value: 'admin', label: 'Admin', hint: 'everything, always the whole fleet' },
  { value: 'technician', label: 'Technician', hint: 'reads and admin actions; no settings, users or links' },
  { value: 'viewer', label: 'Viewer', hint: 'read only' },
];

const post = <T,>(url: string, body?: unknown, method = 'POST') =>
  fetchJson<T>(url, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

function scopeLabel(scope: UserView['scope']): string {
  if (scope.kind === 'fleet') return 'Whole fleet';
  return scope.groups
    .map((group) => (group.path ? group.path.join(' / ') : `(missing group ${group.id})`))
    .join(', ');
}

function signInLabel(user: UserView): string {
  const ways = [user.signIn.password ? 'Password' : null, user.signIn.oidc ? 'Single sign-on' : null].filter(
    Boolean,
  );
  return ways.length ? ways.join(' + ') : 'Invited (no password yet)';
}

const toScope = (view: UserView['scope']): PersonScope =>
  view.kind === 'fleet'
    ? { kind: 'fleet' }
    : { kind: 'groups', groupIds: view.groups.map((group) => group.id) };

function RoleSelect({ value, onChange }: { value: UserRole; onChange: (role: UserRole) => void }) {
  return (
    <label className="block">
      <span className="text-sm font-medium">Role</span>
      <select
        name="role"
        value={value}
        onChange={(event) => onChange(event.target.value as UserRole)}
        className={inputClass}
      >
        {ROLES.map((role) => (
          <option key={role.value} value={role.value}>
            {role.label} — {role.hint}
          </option>
        ))}
      </select>
    </label>
  );
}

function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const [role, setRole] = useState<UserRole>('technician');
  const [scope, setScope] = useState<PersonScope>({ kind: 'fleet' });
  const [link, setLink] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: (body: unknown) => post<{ inviteUrl: string }>('/api/admin/users', body),
    onSuccess: (answer) => {
      setLink(answer.inviteUrl);
      void client.invalidateQueries({ queryKey: usersKey() });
    },
  });
  const close = () => {
    setLink(null);
    invite.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title="Invite a person" testId="invite-dialog">
      {link ? (
        <>
          <OneTimeLink path={link} label="Invitation created (valid 72 hours)." />
          <div className="flex justify-end">
            <button type="button" className={secondaryButtonClass} onClick={close}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            invite.mutate({
              email: String(form.get('email')),
              name: String(form.get('name')),
              role,
              scope: role === 'admin' ? { kind: 'fleet' } : scope,
            });
          }}
        >
          <label className="block">
            <span className="text-sm font-medium">Name</span>
            <input name="name" required maxLength={100} className={inputClass} />
          </label>
          <label className="block">
            <span className="text-sm font-medium">E-mail</span>
            <input name="email" type="email" required maxLength={254} className={inputClass} />
          </label>
          <RoleSelect value={role} onChange={setRole} />
          {role !== 'admin' ? <ScopePicker value={scope} onChange={setScope} /> : null}
          {invite.error ? (
            <p role="alert" className="text-sm text-critical">
              {invite.error.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={close}>
              Cancel
            </button>
            <button type="submit" className={buttonClass} disabled={invite.isPending}>
              Create invitation link
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function EditDialog({ user, onClose }: { user: UserView; onClose: () => void }) {
  const client = useQueryClient();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<UserRole>(user.role);
  const [scope, setScope] = useState<PersonScope>(toScope(user.scope));
  const save = useMutation({
    mutationFn: () =>
      post(
        `/api/admin/users/${encodeURIComponent(user.id)}`,
        { name, role, scope: role === 'admin' ? { kind: 'fleet' } : scope },
        'PATCH',
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: usersKey() });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} title={`Edit ${user.name}`} testId="edit-user-dialog">
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <label className="block">
          <span className="text-sm font-medium">Name</span>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={100}
            className={inputClass}
          />
        </label>
        <RoleSelect value={role} onChange={setRole} />
        {role !== 'admin' ? <ScopePicker value={scope} onChange={setScope} /> : null}
        {save.error ? (
          <p role="alert" className="text-sm text-critical">
            {save.error.message}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButtonClass} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={buttonClass} disabled={save.isPending}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}

type Pending = { kind: 'disable' | 'enable' | 'reset' | 'end-sessions'; user: UserView };

const CONFIRM: Record<Pending['kind'], { title: string; body: string; button: string }> = {
  disable: {
    title: 'Disable',
    body: 'They are signed out at once, everywhere, and cannot sign in until enabled again.',
    button: 'Disable',
  },
  enable: { title: 'Enable', body: 'They can sign in again with what they had.', button: 'Enable' },
  reset: {
    title: 'New password link for',
    body: 'Their sessions end now and their current password stops working once they use the link (valid 24 hours). Any earlier link stops working.',
    button: 'Create link',
  },
  'end-sessions': {
    title: 'End every session of',
    body: 'Every browser they are signed in with is signed out. They can sign in again.',
    button: 'End sessions',
  },
};

function ConfirmDialog({ pending, onClose }: { pending: Pending; onClose: () => void }) {
  const client = useQueryClient();
  const [link, setLink] = useState<string | null>(null);
  const id = encodeURIComponent(pending.user.id);
  const act = useMutation({
    mutationFn: async () => {
      if (pending.kind === 'reset') return post<{ inviteUrl: string }>(`/api/admin/users/${id}/reset`);
      if (pending.kind === 'end-sessions') return post(`/api/admin/users/${id}/sessions/end`);
      return post(`/api/admin/users/${id}`, { disabled: pending.kind === 'disable' }, 'PATCH');
    },
    onSuccess: (answer) => {
      void client.invalidateQueries({ queryKey: usersKey() });
      if (pending.kind === 'reset') setLink((answer as { inviteUrl: string }).inviteUrl);
      else onClose();
    },
  });
  const text = CONFIRM[pending.kind];
  return (
    <Dialog open onClose={onClose} title={`${text.title} ${pending.user.name}?`} testId="user-action-dialog">
      {link ? (
        <OneTimeLink path={link} label="Password link created." />
      ) : (
        <p className="text-sm">{text.body}</p>
      )}
      {act.error ? (
        <p role="alert" className="text-sm text-critical">
          {act.error.message}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          {link ? 'Done' : 'Cancel'}
        </button>
        {link ? null : (
          <button
            type="button"
            className={pending.kind === 'enable' ? buttonClass : dangerButtonClass}
            disabled={act.isPending}
            onClick={() => act.mutate()}
            data-testid="confirm-user-action"
          >
            {text.button}
          </button>
        )}
      </div>
    </Dialog>
  );
}

function BreakGlass({ enabled }: { enabled: boolean }) {
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => post('/api/admin/break-glass', { enabled: !enabled }),
    onSuccess: () => void client.invalidateQueries({ queryKey: usersKey() }),
  });
  return (
    <Section
      id="break-glass"
      title="Break-glass admin"
      description="Signing in with the server's admin password alone (no e-mail) is the way in when nothing else works. It is marked loudly in the audit log. It can be turned off once another admin can sign in."
    >
      <p className="text-sm">
        Break-glass sign-in is <strong data-testid="break-glass-state">{enabled ? 'on' : 'off'}</strong>.
      </p>
      {toggle.error ? (
        <p role="alert" className="mt-2 text-sm text-critical">
          {toggle.error.message}
        </p>
      ) : null}
      <button
        type="button"
        className={`${secondaryButtonClass} mt-3`}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate()}
      >
        {enabled ? 'Turn break-glass sign-in off' : 'Turn break-glass sign-in on'}
      </button>
    </Section>
  );
}

export function UsersAdmin() {
  const users = useQuery({
    queryKey: usersKey(),
    queryFn: ({ signal }) => fetchJson<UsersAnswer>('/api/admin/users', { signal }),
  });
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const small = `${secondaryButtonClass} !px-2 !py-1 text-xs`;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <button
          type="button"
          className={buttonClass}
          onClick={() => setInviting(true)}
          data-testid="invite-user"
        >
          Invite a person
        </button>
      </div>
      {/* Focusable: on a phone the table scrolls sideways, and keyboards must reach it (axe). */}
      <section
        aria-label="Users"
        tabIndex={0}
        className="overflow-x-auto rounded-xl border border-line bg-raised shadow-sm focus-visible:outline-2 focus-visible:outline-accent"
      >
        {users.error ? (
          <p role="alert" className="p-4 text-sm text-critical">
            {users.error.message}
          </p>
        ) : null}
        <table className="w-full text-left text-sm" data-testid="users-table">
          <thead className="border-b border-line text-xs text-muted uppercase">
            <tr>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Role</th>
              <th className="px-3 py-2">Sees</th>
              <th className="px-3 py-2">Sign-in</th>
              <th className="px-3 py-2">2FA</th>
              <th className="px-3 py-2">Last sign-in</th>
              <th className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(users.data?.users ?? []).map((user) => (
              <tr
                key={user.id}
                className="border-b border-line last:border-0"
                data-testid={`user-row-${user.email}`}
              >
                <td className="px-3 py-2">
                  <div className="font-medium">
                    {user.name}
                    {user.disabled ? (
                      <span className="ml-2 rounded bg-sunken px-1.5 py-0.5 text-xs text-muted">
                        disabled
                      </span>
                    ) : null}
                  </div>
                  <div className="text-xs text-muted">{user.email}</div>
                </td>
                <td className="px-3 py-2 capitalize">{user.role}</td>
                <td className="max-w-64 px-3 py-2">{scopeLabel(user.scope)}</td>
                <td className="px-3 py-2">{signInLabel(user)}</td>
                <td className="px-3 py-2">{user.totpEnabled ? 'On' : 'Off'}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {user.lastSignInAt ? formatRelative(new Date(user.lastSignInAt).toISOString()) : 'Never'}
                </td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap justify-end gap-1">
                    <button type="button" className={small} onClick={() => setEditing(user)}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className={small}
                      onClick={() => setPending({ kind: user.disabled ? 'enable' : 'disable', user })}
                    >
                      {user.disabled ? 'Enable' : 'Disable'}
                    </button>
                    {!user.disabled ? (
                      <button
                        type="button"
                        className={small}
                        onClick={() => setPending({ kind: 'reset', user })}
                      >
                        {user.signIn.password ? 'Reset password' : 'New invite link'}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className={small}
                      onClick={() => setPending({ kind: 'end-sessions', user })}
                    >
                      End sessions
                    </button>
                  </div>
                </td>
              </tr>
            ))}
            {users.data && users.data.users.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-muted">
                  No users yet. Invite the first person; until then, only the break-glass admin can sign in.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </section>
      {users.data ? <BreakGlass enabled={users.data.breakGlass.enabled} /> : null}
      <InviteDialog open={inviting} onClose={() => setInviting(false)} />
      {editing ? <EditDialog user={editing} onClose={() => setEditing(null)} /> : null}
      {pending ? <ConfirmDialog pending={pending} onClose={() => setPending(null)} /> : null}
    </div>
  );
}
