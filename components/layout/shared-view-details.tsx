'use client';

import { sessionQuery, type LinkSessionInfo } from '@/lib/query/session';
import { useQuery } from '@tanstack/react-query';
import { formatDistanceToNowStrict } from 'date-fns';

function expiry(link: LinkSessionInfo): string {
  if (link.expiresAt === null) return 'does not expire';
  return `expires in ${formatDistanceToNowStrict(new Date(link.expiresAt))}`;
}

function scope(link: LinkSessionInfo): string {
  if (link.scopeLabel) return link.scopeLabel;
  return link.scopeKind === 'group' ? 'a group that no longer exists' : 'nothing';
}

/** Tells a technician what their link shows and until when: "Shared view · Acme · expires in 3 days". */
export function SharedViewDetails() {
  const session = useQuery(sessionQuery());
  const link = session.data?.link;
  if (!link) return null;
  return (
    <div className="border-t border-line bg-sunken/60" data-testid="shared-view-details">
      <p className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-2 px-4 py-1 text-xs text-muted">
        <span>
          Shared view <span className="font-medium text-ink">“{link.name}”</span>
        </span>
        <span aria-hidden>·</span>
        <span>
          showing <span className="font-medium text-ink">{scope(link)}</span>
        </span>
        <span aria-hidden>·</span>
        <span title={link.expiresAt ? new Date(link.expiresAt).toLocaleString() : undefined}>
          {expiry(link)}
        </span>
        {link.redact ? (
          <>
            <span aria-hidden>·</span>
            <span>hostnames and users are hidden</span>
          </>
        ) : null}
      </p>
    </div>
  );
}
