'use client';

import { CreateShareLinkForm } from '@/components/settings/create-share-link-form';
import { EditWallLinkDialog } from '@/components/settings/edit-wall-link-dialog';
import { LinkCoverage } from '@/components/settings/link-coverage';
import { NewLinkNotice } from '@/components/settings/new-link-notice';
import { RevokeLinkDialog } from '@/components/settings/revoke-link-dialog';
import { Section, secondaryButtonClass } from '@/components/settings/section';
import type { ShareLinkView } from '@/lib/domain/admin';
import { sendJson, shareLinksQuery } from '@/lib/query/admin';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { format, formatDistanceToNowStrict } from 'date-fns';
import { useState } from 'react';

const when = (t: number | null, none: string) =>
  t === null ? none : format(new Date(t), 'yyyy-MM-dd HH:mm');

function status(link: ShareLinkView): string {
  if (link.revokedAt !== null) return 'revoked';
  if (link.expiresAt !== null && link.expiresAt <= Date.now()) return 'expired';
  return link.expiresAt === null
    ? 'active, never expires'
    : `active, expires in ${formatDistanceToNowStrict(new Date(link.expiresAt))}`;
}

function wallText(link: ShareLinkView): string {
  if (!link.wall) return '';
  const views = link.wall.views?.length ?? 4;
  const parts = [`${views} view${views === 1 ? '' : 's'}`, `${link.wall.intervalSeconds ?? 20}\u00a0s`];
  if (link.wall.sound) parts.push('sound');
  return ` · ${parts.join(', ')}`;
}

/** A report link's period, as local dates (the end is exclusive, so the last day is end − 1 ms). */
function reportText(link: ShareLinkView): string {
  if (!link.reportPeriod) return '';
  const day = (t: number) => format(new Date(t), 'yyyy-MM-dd');
  return ` · ${day(link.reportPeriod.start)} – ${day(link.reportPeriod.end - 1)}`;
}

export function ShareLinks() {
  const queryClient = useQueryClient();
  const links = useQuery(shareLinksQuery());
  const [created, setCreated] = useState<{ url: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<ShareLinkView | null>(null);
  const [editing, setEditing] = useState<ShareLinkView | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => sendJson(`/api/admin/share-links/${encodeURIComponent(id)}`, 'DELETE'),
    onSuccess: () => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin() });
    },
  });

  return (
    <Section
      id="links-heading"
      title="Share links"
      description="Read-only links for technicians and wall screens. Scoped, expiring and revocable; enforced by the server."
    >
      <CreateShareLinkForm onCreated={(link) => setCreated(link)} />
      {created ? <NewLinkNotice url={created.url} name={created.name} /> : null}
      <div className="mt-5 overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="share-links-table">
          <thead className="text-xs text-muted uppercase">
            <tr>
              <th className="py-2 pr-3">Name</th>
              <th className="py-2 pr-3">Kind</th>
              <th className="py-2 pr-3">Scope</th>
              <th className="py-2 pr-3">Status</th>
              <th className="py-2 pr-3">Created</th>
              <th className="py-2 pr-3">Last used</th>
              <th className="py-2 pr-3">Uses</th>
              <th className="py-2" />
            </tr>
          </thead>
          <tbody>
            {(links.data?.links ?? []).map((link) => (
              <tr key={link.id} className="border-t border-line" data-testid="share-link-row">
                <td className="py-2 pr-3 font-medium">{link.name}</td>
                <td className="py-2 pr-3">
                  {link.kind}
                  {wallText(link)}
                  {reportText(link)}
                  {link.redact ? ' · redacted' : ''}
                </td>
                <td className="py-2 pr-3" data-testid="link-covers">
                  <LinkCoverage link={link} />
                </td>
                <td className="py-2 pr-3">{status(link)}</td>
                <td className="py-2 pr-3">{when(link.createdAt, '—')}</td>
                <td className="py-2 pr-3">{when(link.lastUsedAt, 'never')}</td>
                <td className="py-2 pr-3 tabular-nums">{link.useCount}</td>
                <td className="py-2 text-right whitespace-nowrap">
                  {link.kind === 'wall' && status(link).startsWith('active') ? (
                    <button
                      type="button"
                      className={`${secondaryButtonClass} mr-2`}
                      onClick={() => setEditing(link)}
                      aria-label={`Edit wall settings of ${link.name}`}
                    >
                      Edit
                    </button>
                  ) : null}
                  {link.revokedAt === null ? (
                    <button
                      type="button"
                      className={secondaryButtonClass}
                      onClick={() => {
                        revoke.reset();
                        setRevoking(link);
                      }}
                      aria-label={`Revoke ${link.name}`}
                    >
                      Revoke
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {links.data?.links.length === 0 ? (
          <p className="py-3 text-sm text-muted">No share links yet.</p>
        ) : null}
      </div>
      <RevokeLinkDialog
        link={revoking}
        onClose={() => setRevoking(null)}
        onConfirm={(link) => revoke.mutate(link.id)}
        pending={revoke.isPending}
        error={revoke.error?.message ?? null}
      />
      <EditWallLinkDialog link={editing} onClose={() => setEditing(null)} />
    </Section>
  );
}
