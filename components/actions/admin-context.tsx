'use client';

import { mayAct, mayAdminister, type SessionIdentity } from '@/lib/domain/session';
import { capabilitiesQuery } from '@/lib/query/actions';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';

const LINK_VIEWER: SessionIdentity = { role: 'viewer', via: 'link', name: null, breakGlass: false };
const IdentityContext = createContext<SessionIdentity>(LINK_VIEWER);

/** The session's identity, from the server-rendered layout; the server checks it again on every call. */
export function RoleProvider({ identity, children }: { identity: SessionIdentity; children: ReactNode }) {
  return <IdentityContext.Provider value={identity}>{children}</IdentityContext.Provider>;
}

export const useIdentity = () => useContext(IdentityContext);

/** Settings, users, share links: admins only. */
export const useIsAdmin = () => mayAdminister(useContext(IdentityContext));

export interface AdminActions {
  /** Show action controls at all: to admins and technicians, never to a viewer or a link. */
  visible: boolean;
  /** Controls work: the key may write (or it is not known yet, and Level will say). */
  enabled: boolean;
  /** Why they do not, in words. */
  reason: string | null;
}

export function useAdminActions(): AdminActions {
  const acts = mayAct(useContext(IdentityContext));
  const capabilities = useQuery({ ...capabilitiesQuery(), enabled: acts });
  const readOnly = capabilities.data?.writeAccess === 'read_only';
  return {
    visible: acts,
    enabled: acts && !readOnly,
    reason: readOnly ? (capabilities.data?.message ?? 'This API key is read-only in Level.') : null,
  };
}
