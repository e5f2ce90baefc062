import type { SessionRole } from '@/lib/domain/session';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { queryOptions } from '@tanstack/react-query';

export interface LinkSessionInfo {
  name: string;
  scopeKind: 'fleet' | 'group' | 'devices';
  scopeLabel: string | null;
  redact: boolean;
  expiresAt: number | null;
}

export interface SessionInfo {
  role: SessionRole;
  link?: LinkSessionInfo | null;
}

/** Who this browser is signed in as; polled so that a page with no other polling still notices a revoked link. */
export const sessionQuery = () =>
  queryOptions({
    queryKey: queryKeys.session(),
    queryFn: ({ signal }) => fetchJson<SessionInfo>('/api/auth/session', { signal }),
    refetchInterval: 15_000,
  });
