import type { UserView } from '@/lib/domain/user';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import type { User } from '@/lib/users/store';
import 'server-only';

// What the Users page and the account page see of a person: field by field (never a spread), with
// the groups in a scope resolved to the names people know. No secret leaves through here.

export function userView(user: User, snapshot: FleetSnapshot | null): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    scope:
      user.scope.kind === 'fleet'
        ? { kind: 'fleet' }
        : {
            kind: 'groups',
            groups: user.scope.groupIds.map((id) => {
              const node = snapshot?.groupNodes.get(id);
              return { id, path: node ? [...node.path] : null };
            }),
          },
    signIn: { password: user.hasPassword, oidc: user.oidcLinked },
    totpEnabled: user.totpEnabled,
    recoveryCodesLeft: user.recoveryCodesLeft,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt,
    lastSignInAt: user.lastSignInAt,
  };
}
