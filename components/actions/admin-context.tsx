'use client';

import type { SessionRole } from '@/lib/domain/session';
import { capabilitiesQuery } from '@/lib/query/actions';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';

const RoleContext = createContext<SessionRole>('viewer');

/** The session's role, from the server-rendered layout; the server checks it again on every call. */
export function RoleProvider({ role, children }: { role: SessionRole; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

export interface AdminActions {
  /** Show action controls at all: only to the admin. */
  visible: boolean;
  /** Controls work: the key may write (or it is not known yet, and Level will say). */
  enabled: boolean;
  /** Why they do not, in words for the admin. */
  reason: string | null;
}

export function useAdminActions(): AdminActions {
  const admin = useContext(RoleContext) === 'admin';
  const capabilities = useQuery({ ...capabilitiesQuery(), enabled: admin });
  const readOnly = capabilities.data?.writeAccess === 'read_only';
  return {
    visible: admin,
    enabled: admin && !readOnly,
    reason: readOnly ? (capabilities.data?.message ?? 'This API key is read-only in Level.') : null,
  };
}
