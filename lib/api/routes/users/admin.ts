import { auditRequest } from '@/lib/api/audit-request';
import { parseBody } from '@/lib/api/body';
import { checkScopeGroups } from '@/lib/api/check-scope';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { actorOf } from '@/lib/auth/actor';
import { endAllAdminSessions } from '@/lib/auth/live-sessions';
import { endAllSessionsOf } from '@/lib/auth/person-sessions';
import { getStore } from '@/lib/db/instance';
import type { Store } from '@/lib/db/open';
import { ConflictError, NotFoundError } from '@/lib/domain/errors';
import { personScopeSchema } from '@/lib/domain/scope';
import { fleetService } from '@/lib/fleet/instance';
import { isBreakGlassEnabled, setBreakGlassEnabled } from '@/lib/users/break-glass';
import { closeInvitesOf, createInvite } from '@/lib/users/invites';
import {
  createUser,
  enabledAdmins,
  getUser,
  listUsers,
  setDisabled,
  updateUser,
  USER_ROLES,
  type User,
} from '@/lib/users/store';
import { userView } from '@/lib/users/user-view';
import 'server-only';
import { z } from 'zod';

// The Users page's routes (admin only): list, invite, change, disable, reset link, end sessions,
// and the break-glass switch. Every change is audited under the admin who made it.

const nameSchema = z.string().trim().min(1).max(100);
const roleSchema = z.enum(USER_ROLES);

async function mustGet(store: Store, id: string): Promise<User> {
  const user = await getUser(store, id);
  if (!user) throw new NotFoundError(`No user with id "${id}".`);
  return user;
}

/** Refuses a change that would leave no enabled admin. */
async function keepAnAdmin(store: Store, user: User, after: { role: User['role']; disabled: boolean }) {
  const losesAdmin =
    user.role === 'admin' && user.disabledAt === null && (after.role !== 'admin' || after.disabled);
  if (!losesAdmin) return;
  const others = (await enabledAdmins(store)).filter((admin) => admin.id !== user.id);
  if (others.length === 0)
    throw new ConflictError('last_admin', 'This is the last enabled admin: make someone else admin first.');
}

/** Relative to this server: the browser (or the caller) puts its own origin in front. */
const linkPath = (token: string) => `/invite/${token}`;

/** An admin's change to people, audited under the admin with the request's address. */

export const listUsersRoute = route(
  'admin.users.list',
  async () => {
    const store = await getStore();
    const snapshot = fleetService().current();
    return json({
      users: (await listUsers(store)).map((user) => userView(user, snapshot)),
      breakGlass: { enabled: await isBreakGlassEnabled(store) },
    });
  },
  { access: 'admin' },
);

const inviteSchema = z.strictObject({
  email: z.email().max(254),
  name: nameSchema,
  role: roleSchema,
  scope: personScopeSchema.default({ kind: 'fleet' }),
});

export const inviteUserRoute = route(
  'admin.users.invite',
  async (request, _params, access) => {
    const input = await parseBody(request, inviteSchema);
    checkScopeGroups(input.scope);
    const store = await getStore();
    const user = await createUser(store, input);
    const { actor } = actorOf(access);
    const token = await createInvite(store, { userId: user.id, purpose: 'invite', createdBy: actor });
    await auditRequest(store, access, request, {
      action: 'user.invite',
      target: user.id,
      detail: { email: user.email, role: user.role, scope: user.scope },
    });
    // The link is shown this once; only its hash is stored.
    return json({ user: userView(user, fleetService().current()), inviteUrl: linkPath(token) }, 201);
  },
  { access: 'admin' },
);

const updateSchema = z
  .strictObject({
    name: nameSchema.optional(),
    role: roleSchema.optional(),
    scope: personScopeSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((input) => Object.keys(input).length > 0, { message: 'nothing to change' });

export const updateUserRoute = route(
  'admin.users.update',
  async (request, params, access) => {
    const input = await parseBody(request, updateSchema);
    checkScopeGroups(input.scope);
    const store = await getStore();
    const before = await mustGet(store, params.id ?? '');
    await keepAnAdmin(store, before, {
      role: input.role ?? before.role,
      disabled: input.disabled ?? before.disabledAt !== null,
    });
    if (input.name !== undefined || input.role !== undefined || input.scope !== undefined)
      await updateUser(store, before.id, { name: input.name, role: input.role, scope: input.scope });
    if (input.disabled !== undefined && input.disabled !== (before.disabledAt !== null)) {
      await setDisabled(store, before.id, input.disabled);
      if (input.disabled) {
        await closeInvitesOf(store, before.id);
        await endAllSessionsOf(before.id);
      }
    }
    const after = await mustGet(store, before.id);
    await auditRequest(store, access, request, {
      action: 'user.update',
      target: before.id,
      detail: {
        email: after.email,
        before: {
          name: before.name,
          role: before.role,
          scope: before.scope,
          disabled: before.disabledAt !== null,
        },
        after: {
          name: after.name,
          role: after.role,
          scope: after.scope,
          disabled: after.disabledAt !== null,
        },
      },
    });
    return json({ user: userView(after, fleetService().current()) });
  },
  { access: 'admin' },
);

export const resetUserRoute = route(
  'admin.users.reset',
  async (request, params, access) => {
    const store = await getStore();
    const user = await mustGet(store, params.id ?? '');
    if (user.disabledAt !== null)
      throw new ConflictError('user_disabled', 'Enable this user before resetting their password.');
    const token = await createInvite(store, {
      userId: user.id,
      purpose: user.hasPassword ? 'reset' : 'invite',
      createdBy: actorOf(access).actor,
    });
    // Whoever holds the old password (or a session) is out until the link is used.
    await endAllSessionsOf(user.id);
    await auditRequest(store, access, request, {
      action: 'user.reset',
      target: user.id,
      detail: { email: user.email },
    });
    return json({ inviteUrl: linkPath(token) }, 201);
  },
  { access: 'admin' },
);

export const endUserSessionsRoute = route(
  'admin.users.sessions.end',
  async (request, params, access) => {
    const store = await getStore();
    const user = await mustGet(store, params.id ?? '');
    await endAllSessionsOf(user.id);
    await auditRequest(store, access, request, {
      action: 'user.sessions.end',
      target: user.id,
      detail: { email: user.email },
    });
    return json({ ok: true });
  },
  { access: 'admin' },
);

export const breakGlassRoute = route(
  'admin.break-glass',
  async (request, _params, access) => {
    const { enabled } = await parseBody(request, z.strictObject({ enabled: z.boolean() }));
    const store = await getStore();
    const before = await isBreakGlassEnabled(store);
    await setBreakGlassEnabled(store, enabled);
    // Turned off: any session the break-glass password opened ends with it.
    if (before && !enabled) await endAllAdminSessions();
    await auditRequest(store, access, request, {
      action: 'break_glass.set',
      target: null,
      detail: { enabled },
    });
    return json({ breakGlass: { enabled } });
  },
  { access: 'admin' },
);
