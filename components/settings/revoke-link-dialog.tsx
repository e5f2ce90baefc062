'use client';

import { ConfirmDialog } from '@/components/actions/confirm-dialog';
import { LinkCoverage } from '@/components/settings/link-coverage';
import type { ShareLinkView } from '@/lib/domain/admin';

/** "Revoke this link?": names the link and what it covers, since revoking cannot be undone. */
export function RevokeLinkDialog({
  link,
  onClose,
  onConfirm,
  pending,
  error,
}: {
  link: ShareLinkView | null;
  onClose: () => void;
  onConfirm: (link: ShareLinkView) => void;
  pending: boolean;
  error: string | null;
}) {
  return (
    <ConfirmDialog
      open={link !== null}
      onClose={onClose}
      title={link ? `Revoke “${link.name}”?` : 'Revoke link'}
      confirmLabel="Revoke link"
      danger
      pending={pending}
      onConfirm={() => link && onConfirm(link)}
      testId="revoke-link-dialog"
    >
      {link ? (
        <>
          <p>
            The {link.kind} link <strong>{link.name}</strong> (
            <LinkCoverage link={link} />) stops working at once: every browser using it is shown that it was
            revoked on its next refresh.
          </p>
          <p className="text-muted">
            Used {link.useCount} time{link.useCount === 1 ? '' : 's'}. A revoked link cannot be turned back
            on; create a new one if needed.
          </p>
          {error ? (
            <p role="alert" className="text-critical">
              {error}
            </p>
          ) : null}
        </>
      ) : null}
    </ConfirmDialog>
  );
}
