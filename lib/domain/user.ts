// What the browser is told about a person (lib/users/user-view.ts builds it): no secret is in here.

/** The same union as lib/db/schema.ts's UserRole (lib/domain imports nothing of ours). */
export type UserRole = 'admin' | 'technician' | 'viewer';

export interface ScopeGroupView {
  id: string;
  /** Client › group names, or null when the group no longer exists (or before the first sync). */
  path: string[] | null;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  scope: { kind: 'fleet' } | { kind: 'groups'; groups: ScopeGroupView[] };
  signIn: { password: boolean; oidc: boolean };
  totpEnabled: boolean;
  recoveryCodesLeft: number;
  disabled: boolean;
  createdAt: number;
  lastSignInAt: number | null;
}
